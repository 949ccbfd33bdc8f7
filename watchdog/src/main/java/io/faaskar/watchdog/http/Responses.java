package io.faaskar.watchdog.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writing complete responses (status, headers, body) and the X-Duration-Seconds value. */
public final class Responses {

    public static final String TEXT_PLAIN = "text/plain; charset=utf-8";
    public static final String DURATION_HEADER = "X-Duration-Seconds";
    public static final String INTERNAL_HEADER = "X-OpenFaaS-Internal";

    private Responses() {
    }

    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        boolean noBody = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    public static void sendText(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, TEXT_PLAIN, body.getBytes(StandardCharsets.UTF_8));
    }

    public static void sendEmpty(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** Seconds with six decimals, like Go's {@code %f}; built by hand (no Formatter, locale independent). */
    public static String seconds(long nanos) {
        long micros = Math.max(0, nanos) / 1_000;
        long fraction = micros % 1_000_000;
        StringBuilder sb = new StringBuilder(16).append(micros / 1_000_000).append('.');
        String digits = Long.toString(fraction);
        for (int i = digits.length(); i < 6; i++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }
}
