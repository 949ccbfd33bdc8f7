package io.faaskar.watchdog.proxy;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.faaskar.watchdog.Log;
import io.faaskar.watchdog.config.DurationParser;
import io.faaskar.watchdog.http.Responses;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Http mode: reverse-proxies each request to upstream_url + path + query, streaming both ways, never following
 * redirects. exec_timeout (or a shorter X-Timeout request header) gives 504; an unreachable upstream gives 500.
 */
public final class ProxyHandler implements HttpHandler {

    private final HttpClient client;
    private final String upstreamBase;
    private final Duration execTimeout;
    private final ScheduledExecutorService timer;

    public ProxyHandler(URI upstream, Duration execTimeout, ScheduledExecutorService timer) {
        String base = upstream.toString();
        this.upstreamBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.execTimeout = execTimeout;
        this.timer = timer;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        Duration timeout = timeoutFor(exchange);
        HttpRequest request;
        try {
            request = buildRequest(exchange, timeout);
        } catch (IllegalArgumentException e) {
            Log.info("Cannot proxy request: " + e.getMessage());
            Responses.sendText(exchange, 400, e.getMessage() + "\n");
            return;
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            Log.info("Upstream HTTP request timed out after " + DurationParser.format(timeout) + ": " + target(exchange));
            failInternally(exchange, 504, started);
            return;
        } catch (IOException e) {
            Log.info("Upstream HTTP request error: " + describe(e));
            failInternally(exchange, 500, started);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failInternally(exchange, 500, started);
            return;
        }
        relay(exchange, response, started, timeout);
    }

    private HttpRequest buildRequest(HttpExchange exchange, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(target(exchange)));
        if (!timeout.isZero()) {
            builder.timeout(timeout);
        }
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            if (HopByHopHeaders.skip(header.getKey())) {
                continue;
            }
            for (String value : header.getValue()) {
                addHeader(builder, header.getKey(), value);
            }
        }
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host != null) {
            addHeader(builder, "Host", host); // only when jdk.httpclient.allowRestrictedHeaders lets it through
        }
        return builder.method(exchange.getRequestMethod(), RequestBody.publisher(exchange)).build();
    }

    private static void addHeader(HttpRequest.Builder builder, String name, String value) {
        try {
            builder.header(name, value);
        } catch (IllegalArgumentException restricted) {
            // a header the JDK client manages itself: it sets its own value
        }
    }

    private String target(HttpExchange exchange) {
        URI uri = exchange.getRequestURI();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery();
        return query == null ? upstreamBase + path : upstreamBase + path + "?" + query;
    }

    /** exec_timeout, lowered by a valid X-Timeout request header (of-watchdog). */
    private Duration timeoutFor(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("X-Timeout");
        if (header == null || header.isEmpty()) {
            return execTimeout;
        }
        try {
            Duration requested = DurationParser.parse(header);
            if (!requested.isZero() && (execTimeout.isZero() || requested.compareTo(execTimeout) < 0)) {
                return requested;
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            // ignore a bad header, keep exec_timeout
        }
        return execTimeout;
    }

    private void relay(HttpExchange exchange, HttpResponse<InputStream> response, long started, Duration timeout)
            throws IOException {
        Headers headers = exchange.getResponseHeaders();
        for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
            if (!HopByHopHeaders.skip(header.getKey()) && !header.getKey().startsWith(":")) {
                headers.put(header.getKey(), header.getValue());
            }
        }
        headers.set(Responses.DURATION_HEADER, Responses.seconds(System.nanoTime() - started));
        int status = response.statusCode();
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        boolean noBody = "HEAD".equals(exchange.getRequestMethod()) || status == 204 || status == 304
                || status < 200 || length == 0;
        exchange.sendResponseHeaders(status, noBody ? -1 : Math.max(length, 0));

        StreamCloser deadline = null;
        ScheduledFuture<?> deadlineTimer = null;
        if (!timeout.isZero()) {
            long left = timeout.toNanos() - (System.nanoTime() - started);
            deadline = new StreamCloser(response.body());
            deadlineTimer = timer.schedule(deadline, Math.max(left, 0), TimeUnit.NANOSECONDS);
        }
        long copied = 0;
        try (InputStream body = response.body(); OutputStream out = exchange.getResponseBody()) {
            if (!noBody) {
                copied = copyFlushing(body, out);
            }
        } catch (IOException e) {
            Log.info("Response body copy interrupted" + (deadline != null && deadline.fired() ? " by exec_timeout" : "")
                    + ": " + describe(e));
        } finally {
            if (deadlineTimer != null) {
                deadlineTimer.cancel(false);
            }
        }
        Log.info(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " - " + status
                + " - ContentLength: " + copied + " (" + Responses.seconds(System.nanoTime() - started) + "s)");
    }

    /** Copies as data arrives, flushing each read so streamed responses (SSE, NDJSON) reach the client live. */
    private static long copyFlushing(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) >= 0) {
            out.write(buffer, 0, read);
            out.flush();
            total += read;
        }
        return total;
    }

    private static void failInternally(HttpExchange exchange, int status, long started) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set(Responses.DURATION_HEADER, Responses.seconds(System.nanoTime() - started));
        headers.set(Responses.INTERNAL_HEADER, "of-watchdog");
        Responses.sendEmpty(exchange, status);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + message;
    }
}
