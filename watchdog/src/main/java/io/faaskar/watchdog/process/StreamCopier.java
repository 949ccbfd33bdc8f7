package io.faaskar.watchdog.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies a stream to another and closes the target, swallowing I/O errors: used to feed a request body
 * into a process's stdin, where a process that stops reading early is normal, not an error.
 */
public final class StreamCopier implements Runnable {

    private final InputStream from;
    private final OutputStream to;

    public StreamCopier(InputStream from, OutputStream to) {
        this.from = from;
        this.to = to;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[16 * 1024];
        try {
            int read;
            while ((read = from.read(buffer)) >= 0) {
                to.write(buffer, 0, read);
            }
        } catch (IOException e) {
            // broken pipe: the process exited or closed stdin
        } finally {
            try {
                to.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }
}
