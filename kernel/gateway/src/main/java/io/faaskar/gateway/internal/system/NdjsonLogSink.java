package io.faaskar.gateway.internal.system;

import io.faaskar.api.model.LogMessage;
import io.faaskar.api.provider.LogSink;
import io.faaskar.gateway.internal.http.DisconnectProbe;
import io.faaskar.gateway.internal.http.Exchange;
import io.faaskar.gateway.internal.http.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Writes log messages to the client as NDJSON, one line per message, each sent at once. The answer
 * (200, {@code application/x-ndjson}) starts with the first message, so errors raised before it still
 * get their own status. The sink closes when the client goes away, when the write timeout has passed
 * since the request began, or when the handler is done; following providers stop on it.
 */
final class NdjsonLogSink implements LogSink {

    static final String CONTENT_TYPE = "application/x-ndjson";

    /** What faas-provider writes when a message cannot be encoded. */
    private static final byte[] ENCODING_FAILED = ("{\"name\":\"\",\"namespace\":\"\",\"instance\":\"\","
            + "\"timestamp\":\"0001-01-01T00:00:00Z\",\"text\":\"failed to serialize log message\"}")
            .getBytes(StandardCharsets.UTF_8);

    private final Exchange exchange;
    private final Json json;
    private final long deadlineNanos;
    private final DisconnectProbe probe;
    private volatile boolean closed;
    private OutputStream out;
    private IOException writeFailure;

    NdjsonLogSink(Exchange exchange, Json json, Duration writeTimeout) {
        this.exchange = exchange;
        this.json = json;
        this.deadlineNanos = System.nanoTime() + writeTimeout.toNanos();
        this.probe = DisconnectProbe.of(exchange.request());
        exchange.request().addFailureListener(failure -> closed = true);
    }

    @Override
    public synchronized void accept(LogMessage message) {
        if (isClosed()) {
            return;
        }
        byte[] encoded;
        try {
            encoded = json.write(message);
        } catch (IOException e) {
            encoded = ENCODING_FAILED;
        }
        byte[] line = Arrays.copyOf(encoded, encoded.length + 1);
        line[encoded.length] = '\n';
        try {
            stream().write(line);
        } catch (IOException e) {
            writeFailure = e;
            closed = true;
        }
    }

    @Override
    public boolean isClosed() {
        if (!closed && (System.nanoTime() - deadlineNanos >= 0 || (probe != null && probe.clientGone()))) {
            closed = true;
        }
        return closed;
    }

    /** The handler is done with the sink: late messages from other threads are dropped. */
    void close() {
        closed = true;
    }

    /** Ends the stream (a 200 with no lines when nothing was written), or rethrows the write failure. */
    synchronized void finish() throws IOException {
        if (writeFailure != null) {
            throw writeFailure;
        }
        if (probe != null && probe.clientSentData()) {
            throw new IOException("the client sent data while reading a log stream");
        }
        stream().close();
        exchange.complete();
    }

    private OutputStream stream() {
        if (out == null) {
            exchange.response().setStatus(200);
            exchange.response().getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
            out = exchange.openStream();
        }
        return out;
    }
}
