package io.faaskar.core.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.faaskar.api.provider.FunctionEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A function replica for tests: a JDK HTTP server on a free port. By default it answers 200 with
 * its name and echoes what it received (method, path, query, headers, body) into response headers.
 */
public class Replica implements AutoCloseable {

    public final String name;
    public final HttpServer server;
    public final AtomicInteger requests = new AtomicInteger();
    public final List<Map<String, List<String>>> receivedHeaders = new CopyOnWriteArrayList<>();
    public final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();

    public Replica(String name) throws IOException {
        this.name = name;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "replica-" + name);
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            receivedHeaders.add(Map.copyOf(exchange.getRequestHeaders()));
            HttpHandler route = routes.get(exchange.getRequestURI().getPath());
            if (route != null) {
                route.handle(exchange);
            } else {
                echo(exchange);
            }
        });
        server.start();
    }

    private void echo(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        exchange.getResponseHeaders().add("X-Replica", name);
        exchange.getResponseHeaders().add("X-Method", exchange.getRequestMethod());
        exchange.getResponseHeaders().add("X-Path", exchange.getRequestURI().getRawPath());
        String query = exchange.getRequestURI().getRawQuery();
        exchange.getResponseHeaders().add("X-Query", query == null ? "" : query);
        exchange.getResponseHeaders().add("X-Body-Length", Integer.toString(body.length));
        String te = exchange.getRequestHeaders().getFirst("Transfer-Encoding");
        exchange.getResponseHeaders().add("X-Transfer-Encoding", te == null ? "" : te);
        byte[] answer = (name + ":" + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public FunctionEndpoint endpoint() {
        return new FunctionEndpoint(name, uri());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
