package io.faaskar.provider.local.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a replica's combined stdout+stderr into its log file, one line at a time, each prefixed
 * with the RFC3339 time it was read, so {@code logs} can filter and merge replicas by real time.
 * Runs on its own daemon thread until the process closes its output.
 */
final class TimestampedLogCopier implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(TimestampedLogCopier.class);
    /** Longer lines are split, so a process writing without newlines cannot exhaust memory. */
    private static final int MAX_LINE = 64 * 1024;

    private final InputStream source;
    private final Path replicaDir;
    private final Clock clock;
    private OutputStream out;
    private long written;

    TimestampedLogCopier(InputStream source, Path replicaDir, Clock clock) {
        this.source = source;
        this.replicaDir = replicaDir;
        this.clock = clock;
    }

    static Thread start(InputStream source, Path replicaDir, String replicaId) {
        Thread t = new Thread(new TimestampedLogCopier(source, replicaDir, Clock.systemUTC()),
                "faaskar-local-log-" + replicaId);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void run() {
        try (InputStream in = new BufferedInputStream(source)) {
            open();
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n' || line.size() >= MAX_LINE) {
                    if (b != '\n') {
                        line.write(b);
                    }
                    writeLine(line);
                    line.reset();
                    if (in.available() == 0) {
                        out.flush();
                    }
                } else {
                    line.write(b);
                }
            }
            if (line.size() > 0) {
                writeLine(line);
            }
        } catch (IOException e) {
            LOG.debug("Log copy to {} ended: {}", replicaDir, e.getMessage());
        } finally {
            close();
        }
    }

    private void writeLine(ByteArrayOutputStream line) throws IOException {
        byte[] bytes = line.toByteArray();
        int len = bytes.length;
        if (len > 0 && bytes[len - 1] == '\r') {
            len--;
        }
        byte[] prefix = (clock.instant().toString() + " ").getBytes(StandardCharsets.US_ASCII);
        out.write(prefix);
        out.write(bytes, 0, len);
        out.write('\n');
        written += prefix.length + len + 1;
        if (written >= ReplicaLog.MAX_BYTES) {
            rotate();
        }
    }

    private void open() throws IOException {
        Path file = ReplicaLog.current(replicaDir);
        written = Files.exists(file) ? Files.size(file) : 0;
        out = new java.io.BufferedOutputStream(Files.newOutputStream(file,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE), 8192);
    }

    private void rotate() throws IOException {
        out.close();
        Files.move(ReplicaLog.current(replicaDir), ReplicaLog.rotated(replicaDir), StandardCopyOption.REPLACE_EXISTING);
        open();
    }

    private void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.debug("Cannot close the log of {}: {}", replicaDir, e.getMessage());
            }
        }
    }
}
