package io.faaskar.shell.support;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * faas-cli's default substitution in stack files: {@code ${VAR}} and {@code ${VAR:-default}} are replaced
 * by the environment of the Karaf process. Bare {@code $VAR} is left alone, so shell snippets in
 * {@code fprocess} keep working.
 */
public final class EnvSubst {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private EnvSubst() {
    }

    public static String apply(String text, UnaryOperator<String> environment) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String value = environment.apply(m.group(1));
            if (value == null || value.isEmpty()) {
                value = m.group(2) == null ? "" : m.group(2);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
