package io.faaskar.watchdog.classic;

/** Header name canonicalization as Go's net/http does it: {@code x-custom-id} becomes {@code X-Custom-Id}. */
public final class HeaderNames {

    private HeaderNames() {
    }

    public static String canonical(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        boolean upper = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ' ' || c > 127) {
                return name; // Go leaves names with invalid characters untouched
            }
            if (upper && c >= 'a' && c <= 'z') {
                c = (char) (c - 32);
            } else if (!upper && c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            }
            sb.append(c);
            upper = c == '-';
        }
        return sb.toString();
    }

    /** The CGI variable for a header: {@code Content-Type} gives {@code Http_Content_Type}. */
    public static String cgiVariable(String header) {
        return "Http_" + canonical(header).replace('-', '_');
    }
}
