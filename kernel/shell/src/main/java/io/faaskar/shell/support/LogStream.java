package io.faaskar.shell.support;

import io.faaskar.api.model.LogMessage;
import io.faaskar.api.provider.LogSink;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Carries log lines from a provider to the shell. The provider writes on a thread of its own, the command
 * prints on its thread: Karaf binds {@code System.out} per thread, so only the command's thread reaches the
 * session (and its pipes). Interrupting the command (Ctrl-C) closes the sink, which a following provider polls.
 */
public final class LogStream implements LogSink {

    private static final LogMessage END = new LogMessage(null, null, null, null, null);

    private final BlockingQueue<LogMessage> queue = new LinkedBlockingQueue<>(1024);
    private final AtomicBoolean closed = new AtomicBoolean();

    @Override
    public void accept(LogMessage message) {
        offer(message);
    }

    @Override
    public boolean isClosed() {
        return closed.get();
    }

    public void close() {
        closed.set(true);
    }

    /**
     * Runs {@code source} (which writes to this sink and returns when done) on a new thread and hands every
     * line to {@code printer} on the calling thread, until the source returns or the caller is interrupted.
     * Rethrows what the source threw.
     */
    public void pump(Consumer<LogSink> source, Consumer<LogMessage> printer, String threadName) throws InterruptedException {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            try {
                source.accept(this);
            } catch (RuntimeException e) {
                failure.set(e);
            } finally {
                offer(END);
            }
        }, threadName);
        producer.setDaemon(true);
        producer.start();
        try {
            for (LogMessage m = queue.take(); m != END; m = queue.take()) {
                printer.accept(m);
            }
        } finally {
            close();
        }
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    private void offer(LogMessage message) {
        try {
            while (!closed.get()) {
                if (queue.offer(message, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code TIMESTAMP NAME (INSTANCE) TEXT}, like faas-cli logs, without the text's trailing line break. */
    public static String format(LogMessage m) {
        StringBuilder line = new StringBuilder();
        if (m.timestamp() != null) {
            line.append(m.timestamp()).append(' ');
        }
        line.append(m.name());
        if (m.instance() != null && !m.instance().isBlank()) {
            line.append(" (").append(m.instance()).append(')');
        }
        String text = m.text() == null ? "" : m.text().stripTrailing();
        return line.append(' ').append(text).toString();
    }
}
