package io.faaskar.watchdog.proxy;

import java.io.Closeable;
import java.io.IOException;

/** Scheduled at exec_timeout while a response body streams: closing the upstream body ends the copy. */
final class StreamCloser implements Runnable {

    private final Closeable stream;
    private volatile boolean fired;

    StreamCloser(Closeable stream) {
        this.stream = stream;
    }

    @Override
    public void run() {
        fired = true;
        try {
            stream.close();
        } catch (IOException e) {
            // already closed
        }
    }

    boolean fired() {
        return fired;
    }
}
