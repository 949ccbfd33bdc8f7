package io.faaskar.core.internal.invoke;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Which headers cross the proxy. Hop-by-hop headers (RFC 9110 section 7.6.1, and any named in
 * {@code Connection}) concern one connection only; {@code Host} and the body framing
 * ({@code Content-Length}) are the client's to set for its own connection, and {@code Expect} would
 * make the client wait for an interim answer the caller never asked it to wait for.
 */
final class HopByHopHeaders {

    private static final Set<String> HOP_BY_HOP = caseInsensitive(
            "Connection", "Proxy-Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization",
            "Te", "Trailer", "Transfer-Encoding", "Upgrade");
    private static final Set<String> SET_BY_CLIENT = caseInsensitive("Host", "Content-Length", "Expect");

    private HopByHopHeaders() {
    }

    /** Adds every end-to-end request header to the upstream request. */
    static void copyRequestHeaders(Map<String, List<String>> headers, HttpFields.Mutable upstream) {
        if (headers == null || headers.isEmpty()) {
            return;
        }
        Set<String> listed = listedInConnection(valuesOf(headers, "Connection"));
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            String name = header.getKey();
            if (name == null || name.isEmpty() || name.charAt(0) == ':' || HOP_BY_HOP.contains(name)
                    || SET_BY_CLIENT.contains(name) || listed.contains(name) || header.getValue() == null) {
                continue;
            }
            for (String value : header.getValue()) {
                if (value != null) {
                    upstream.add(name, value);
                }
            }
        }
    }

    /** The end-to-end headers of a replica's response, keyed case-insensitively, values in their order. */
    static Map<String, List<String>> responseHeaders(HttpFields headers) {
        Set<String> listed = listedInConnection(headers.getValuesList(HttpHeader.CONNECTION));
        Map<String, List<String>> result = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HttpField field : headers) {
            String name = field.getName();
            if (name == null || name.isEmpty() || name.charAt(0) == ':' || HOP_BY_HOP.contains(name) || listed.contains(name)) {
                continue;
            }
            result.computeIfAbsent(name, n -> new ArrayList<>(1)).add(field.getValue());
        }
        return result;
    }

    private static Set<String> listedInConnection(List<String> connectionValues) {
        if (connectionValues == null || connectionValues.isEmpty()) {
            return Set.of();
        }
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String value : connectionValues) {
            if (value == null) {
                continue;
            }
            for (String token : value.split(",")) {
                String t = token.trim();
                if (!t.isEmpty()) {
                    names.add(t);
                }
            }
        }
        return names;
    }

    /** The values of a header whatever the map's key case; null when absent (never asks a sorted map for a null key). */
    private static List<String> valuesOf(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (name.equalsIgnoreCase(header.getKey())) {
                return header.getValue();
            }
        }
        return null;
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(new ArrayList<>(List.of(names)));
        return set;
    }
}
