package io.faaskar.watchdog.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** Exact-path dispatch: the two probe endpoints, everything else goes to the function. */
public final class Router implements HttpHandler {

    private final HttpHandler health;
    private final HttpHandler ready;
    private final HttpHandler function;

    public Router(HttpHandler health, HttpHandler ready, HttpHandler function) {
        this.health = health;
        this.ready = ready;
        this.function = function;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if ("/_/health".equals(path)) {
            health.handle(exchange);
        } else if ("/_/ready".equals(path)) {
            ready.handle(exchange);
        } else {
            function.handle(exchange);
        }
    }
}
