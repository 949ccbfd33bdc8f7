package io.faaskar.watchdog.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/** max_inflight: excess function requests get 429 with the faas-middleware body and header. */
public final class ConcurrencyLimiter implements HttpHandler {

    private final HttpHandler next;
    private final int maxInflight;
    private final AtomicInteger inflight = new AtomicInteger();

    public ConcurrencyLimiter(HttpHandler next, int maxInflight) {
        this.next = next;
        this.maxInflight = maxInflight;
    }

    /** True when another request would be refused (used by /_/ready). */
    public boolean saturated() {
        return maxInflight > 0 && inflight.get() >= maxInflight;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (maxInflight <= 0) {
            next.handle(exchange);
            return;
        }
        if (inflight.incrementAndGet() > maxInflight) {
            inflight.decrementAndGet();
            exchange.getResponseHeaders().set(Responses.INTERNAL_HEADER, "faas-middleware");
            Responses.send(exchange, 429, "text/plain",
                    ("Concurrent request limit exceeded. Max concurrent requests: " + maxInflight + "\n")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        try {
            next.handle(exchange);
        } finally {
            inflight.decrementAndGet();
        }
    }
}
