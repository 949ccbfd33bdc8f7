package io.faaskar.watchdog.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** Counts every exchange in progress so a drain can wait for them to finish. */
public final class InflightTracker implements HttpHandler {

    private final HttpHandler next;
    private final Object lock = new Object();
    private int inflight;

    public InflightTracker(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        synchronized (lock) {
            inflight++;
        }
        try {
            next.handle(exchange);
        } finally {
            exchange.close();
            synchronized (lock) {
                inflight--;
                lock.notifyAll();
            }
        }
    }

    /** @param timeoutMillis 0 waits without bound; @return true when nothing is in flight any more */
    public boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (lock) {
            while (inflight > 0) {
                if (timeoutMillis == 0) {
                    lock.wait();
                    continue;
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                lock.wait(left);
            }
            return true;
        }
    }
}
