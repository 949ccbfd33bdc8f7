package io.faaskar.watchdog.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** {@code /_/health}: GET gives 200 OK when accepting and the lock file exists, else 503; other methods 405. */
public final class HealthHandler implements HttpHandler {

    private final HealthState state;
    private final LockFile lockFile;

    public HealthHandler(HealthState state, LockFile lockFile) {
        this.state = state;
        this.lockFile = lockFile;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            Responses.sendEmpty(exchange, 405);
        } else if (state.isAccepting() && lockFile.satisfied()) {
            Responses.sendText(exchange, 200, "OK");
        } else {
            Responses.sendEmpty(exchange, 503);
        }
    }
}
