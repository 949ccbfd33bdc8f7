package io.faaskar.gateway.internal.invoke;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Header handling of the function proxy. Hop-by-hop headers are the invoker's business (it is the hop to
 * the replica, see {@link io.faaskar.api.kernel.FunctionInvoker}): the gateway hands the client's headers
 * over as they came and passes the end-to-end headers it gets back to the client.
 */
final class ProxyHeaders {

    private ProxyHeaders() {
    }

    /** The client's headers (case-insensitive map), for the invoker. */
    static Map<String, List<String>> fromClient(HttpFields fields) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HttpField field : fields) {
            headers.computeIfAbsent(field.getName(), n -> new ArrayList<>(1)).add(field.getValue());
        }
        return headers;
    }

    /**
     * Copies the function's end-to-end headers to the client's response. The replica's {@code Date} is
     * dropped: Jetty writes its own when the response commits, and two would be sent.
     */
    static void toClient(Map<String, List<String>> upstream, HttpFields.Mutable response) {
        for (Map.Entry<String, List<String>> header : upstream.entrySet()) {
            String name = header.getKey();
            if (name.isEmpty() || header.getValue().isEmpty() || HttpHeader.DATE.is(name)) {
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
}
