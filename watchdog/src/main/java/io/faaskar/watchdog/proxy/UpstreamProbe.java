package io.faaskar.watchdog.proxy;

import io.faaskar.watchdog.Log;
import io.faaskar.watchdog.http.HealthState;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/** Polls the upstream's port until it accepts a connection, then marks the watchdog healthy. */
public final class UpstreamProbe implements Runnable {

    private static final int CONNECT_TIMEOUT_MILLIS = 500;
    private static final long RETRY_MILLIS = 20;

    private final URI upstream;
    private final UpstreamProcess process;
    private final HealthState state;
    private volatile boolean cancelled;

    public UpstreamProbe(URI upstream, UpstreamProcess process, HealthState state) {
        this.upstream = upstream;
        this.process = process;
        this.state = state;
    }

    public void cancel() {
        cancelled = true;
    }

    @Override
    public void run() {
        int port = upstream.getPort() > 0 ? upstream.getPort() : 80;
        while (!cancelled && process.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(upstream.getHost(), port), CONNECT_TIMEOUT_MILLIS);
                if (!cancelled) {
                    state.markAccepting();
                    Log.info("Upstream accepts connections: " + upstream);
                }
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            cancelled = true;
        }
    }
}
