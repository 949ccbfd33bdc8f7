package io.faaskar.watchdog.proxy;

import com.sun.net.httpserver.HttpExchange;
import java.io.InputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Locale;
import java.util.function.Supplier;

/** Streams the incoming request body to the upstream: fixed length when announced, chunked when chunked, else none. */
final class RequestBody implements Supplier<InputStream> {

    private final HttpExchange exchange;

    private RequestBody(HttpExchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public InputStream get() {
        return exchange.getRequestBody();
    }

    static BodyPublisher publisher(HttpExchange exchange) {
        String transferEncoding = exchange.getRequestHeaders().getFirst("Transfer-Encoding");
        if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return BodyPublishers.ofInputStream(new RequestBody(exchange));
        }
        long length = contentLength(exchange);
        if (length > 0) {
            return BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(new RequestBody(exchange)), length);
        }
        return BodyPublishers.noBody();
    }

    private static long contentLength(HttpExchange exchange) {
        String value = exchange.getRequestHeaders().getFirst("Content-Length");
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
