package io.faaskar.watchdog.classic;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.util.List;
import java.util.Map;

/** The Http_* variables the classic watchdog passes to a forked process, describing the request. */
public final class CgiEnvironment {

    private CgiEnvironment() {
    }

    public static void apply(Map<String, String> env, HttpExchange exchange) {
        Headers headers = exchange.getRequestHeaders();
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            String name = HeaderNames.canonical(header.getKey());
            // Go keeps Host and Transfer-Encoding out of the header map; they get their own variables below
            if (header.getValue().isEmpty() || name.equals("Host") || name.equals("Transfer-Encoding")) {
                continue;
            }
            env.put(HeaderNames.cgiVariable(name), header.getValue().get(0));
        }
        env.put("Http_Method", exchange.getRequestMethod());
        String contentLength = Long.toString(contentLength(headers));
        env.put("Http_ContentLength", contentLength);
        env.put("Http_Content_Length", contentLength);
        String transferEncoding = headers.getFirst("Transfer-Encoding");
        if (transferEncoding != null && !transferEncoding.isEmpty()) {
            env.put("Http_Transfer_Encoding", transferEncoding);
        }
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null && !query.isEmpty()) {
            env.put("Http_Query", query);
        }
        String path = exchange.getRequestURI().getRawPath();
        if (path != null && !path.isEmpty()) {
            env.put("Http_Path", path);
        }
        String host = headers.getFirst("Host");
        env.put("Http_Host", host == null ? "" : host);
    }

    /** Go's r.ContentLength: -1 when chunked, 0 when no body was announced. */
    static long contentLength(Headers headers) {
        String transferEncoding = headers.getFirst("Transfer-Encoding");
        if (transferEncoding != null && transferEncoding.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
            return -1;
        }
        String value = headers.getFirst("Content-Length");
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
