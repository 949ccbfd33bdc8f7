package io.faaskar.shell.support;

import java.util.regex.Pattern;

/** faas-cli's {@code --filter}: {@code *} matches any run of characters, {@code ?} one character. */
public final class Glob {

    private Glob() {
    }

    public static boolean matches(String glob, String name) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.matches(regex.toString(), name);
    }
}
