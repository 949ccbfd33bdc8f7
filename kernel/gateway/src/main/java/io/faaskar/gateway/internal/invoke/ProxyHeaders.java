package io.faaskar.gateway.internal.invoke;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/** Header handling of the function proxy: hop-by-hop headers stay on their own hop, both ways. */
final class ProxyHeaders {

    /** RFC 9110 7.6.1 and what Go's reverse proxy strips; lower case. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "proxy-connection", "keep-alive",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");

    private ProxyHeaders() {
    }

    /** The client's end-to-end headers (case-insensitive map), for the function. */
    static Map<String, List<String>> fromClient(HttpFields fields) {
        Set<String> connectionTokens = connectionTokens(fields.getValuesList(HttpHeader.CONNECTION));
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HttpField field : fields) {
            String name = field.getName();
            if (!isHopByHop(name, connectionTokens)) {
                headers.computeIfAbsent(name, n -> new ArrayList<>(1)).add(field.getValue());
            }
        }
        return headers;
    }

    /**
     * Copies the function's end-to-end headers to the client's response. The replica's {@code Date} is
     * dropped: Jetty writes its own when the response commits, and two would be sent.
     */
    static void toClient(Map<String, List<String>> upstream, HttpFields.Mutable response) {
        Set<String> connectionTokens = Set.of();
        for (Map.Entry<String, List<String>> header : upstream.entrySet()) {
            if (HttpHeader.CONNECTION.is(header.getKey())) {
                connectionTokens = connectionTokens(header.getValue());
            }
        }
        for (Map.Entry<String, List<String>> header : upstream.entrySet()) {
            String name = header.getKey();
            if (name.isEmpty() || name.charAt(0) == ':' || header.getValue().isEmpty()
                    || HttpHeader.DATE.is(name) || isHopByHop(name, connectionTokens)) {
                continue;
            }
            response.remove(name);
            for (String value : header.getValue()) {
                response.add(name, value); // one field per value: Set-Cookie must never be joined
            }
        }
    }

    /** {@code ip:port} as Go's {@code r.RemoteAddr}, IPv6 in brackets. */
    static String remoteAddress(Request request) {
        String ip = Request.getRemoteAddr(request);
        int port = Request.getRemotePort(request);
        return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + port;
    }

    private static boolean isHopByHop(String name, Set<String> connectionTokens) {
        String lower = name.toLowerCase(Locale.ROOT);
        return HOP_BY_HOP.contains(lower) || connectionTokens.contains(lower);
    }

    private static Set<String> connectionTokens(List<String> connectionValues) {
        if (connectionValues == null || connectionValues.isEmpty()) {
            return Set.of();
        }
        Set<String> tokens = new HashSet<>();
        for (String value : connectionValues) {
            for (String token : value.split(",")) {
                if (!token.isBlank()) {
                    tokens.add(token.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return tokens;
    }
}
