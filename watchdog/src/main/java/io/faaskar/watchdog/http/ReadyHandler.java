package io.faaskar.watchdog.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** {@code /_/ready} as of-watchdog: 503 when not accepting or no lock, 429 when max_inflight is reached, else 200. */
public final class ReadyHandler implements HttpHandler {

    private final HealthState state;
    private final LockFile lockFile;
    private final ConcurrencyLimiter limiter;

    public ReadyHandler(HealthState state, LockFile lockFile, ConcurrencyLimiter limiter) {
        this.state = state;
        this.lockFile = lockFile;
        this.limiter = limiter;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            Responses.sendEmpty(exchange, 405);
        } else if (!state.isAccepting() || !lockFile.satisfied()) {
            Responses.sendEmpty(exchange, 503);
        } else if (limiter.saturated()) {
            Responses.sendEmpty(exchange, 429);
        } else {
            Responses.sendText(exchange, 200, "OK");
        }
    }
}
