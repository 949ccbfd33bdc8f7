package io.faaskar.watchdog.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a stream to its end into memory (stderr when it is kept apart from the response). */
public final class StreamCollector implements Runnable {

    private final InputStream from;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private volatile boolean done;

    public StreamCollector(InputStream from) {
        this.from = from;
    }

    @Override
    public void run() {
        try {
            from.transferTo(bytes);
        } catch (IOException e) {
            // process killed: keep what was read
        } finally {
            synchronized (this) {
                done = true;
                notifyAll();
            }
        }
    }

    /** Waits up to timeoutMillis for the end of the stream, then returns what was read. */
    public synchronized byte[] await(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!done) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return bytes.toByteArray(); // ByteArrayOutputStream synchronizes itself
    }
}
