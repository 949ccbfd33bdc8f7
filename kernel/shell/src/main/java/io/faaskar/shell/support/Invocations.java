package io.faaskar.shell.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the parts of an invocation from {@code faas:invoke}'s options. */
public final class Invocations {

    private Invocations() {
    }

    /** The path after {@code /function/NAME}: always starts with {@code /}. */
    public static String path(String path) {
        if (path == null || path.isBlank()) {
            return "/";
        }
        String p = path.trim();
        return p.startsWith("/") ? p : "/" + p;
    }

    public static String method(String method) {
        String m = method == null || method.isBlank() ? "POST" : method.trim().toUpperCase(Locale.ROOT);
        if (!m.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            throw new UserError("Invalid --method value \"" + method + "\": expected an HTTP method like GET or POST");
        }
        return m;
    }

    /** {@code key=value} pairs, URL-encoded and joined with {@code &}; null when there are none. */
    public static String rawQuery(List<String> query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String q : query) {
            Map.Entry<String, String> kv = KeyValues.parseOne("--query", q);
            parts.add(encode(kv.getKey()) + "=" + encode(kv.getValue()));
        }
        return String.join("&", parts);
    }

    /** {@code --header K=V} values (a repeated name adds a value) plus the Content-Type. */
    public static Map<String, List<String>> headers(List<String> headers, String contentType) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (headers != null) {
            for (String h : headers) {
                Map.Entry<String, String> kv = KeyValues.parseOne("--header", h);
                result.computeIfAbsent(kv.getKey(), k -> new ArrayList<>()).add(kv.getValue().trim());
            }
        }
        boolean hasContentType = result.keySet().stream().anyMatch("Content-Type"::equalsIgnoreCase);
        if (!hasContentType && contentType != null && !contentType.isBlank()) {
            result.put("Content-Type", List.of(contentType.trim()));
        }
        return result;
    }

    public static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
