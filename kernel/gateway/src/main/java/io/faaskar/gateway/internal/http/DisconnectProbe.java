package io.faaskar.gateway.internal.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.BufferUtil;

/**
 * Tells whether the client of a long, mostly idle answer (a followed log stream) has gone away.
 * Once an HTTP/1.1 request has been read Jetty stops reading the connection, so a client that closes
 * it is only noticed on the next write; this probe does a non-blocking read instead, at most every
 * {@value #PERIOD_MILLIS} ms: end of stream means the client left. Bytes from the client (it has no
 * business sending any while it reads the stream) also end the answer, and the connection with it.
 * Only usable for requests without a body, which would otherwise be read here.
 */
public final class DisconnectProbe {

    static final long PERIOD_MILLIS = 100;

    private final EndPoint endPoint;
    private final ByteBuffer scratch = BufferUtil.allocate(1);
    private long nextProbeNanos;
    private boolean gone;
    private boolean clientSentData;

    private DisconnectProbe(EndPoint endPoint) {
        this.endPoint = endPoint;
    }

    /** A probe for the request's connection, or null when it has a body or its connection is not reachable. */
    public static DisconnectProbe of(Request request) {
        if (request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)
                || request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH) > 0) {
            return null;
        }
        Connection connection = request.getConnectionMetaData().getConnection();
        EndPoint endPoint = connection == null ? null : connection.getEndPoint();
        return endPoint == null ? null : new DisconnectProbe(endPoint);
    }

    public synchronized boolean clientGone() {
        if (gone) {
            return true;
        }
        if (!endPoint.isOpen() || endPoint.isInputShutdown()) {
            return gone = true;
        }
        long now = System.nanoTime();
        if (now - nextProbeNanos < 0) {
            return false;
        }
        nextProbeNanos = now + TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS);
        try {
            int read = endPoint.fill(scratch);
            BufferUtil.clear(scratch);
            if (read != 0) {
                clientSentData = read > 0;
                gone = true;
            }
        } catch (IOException e) {
            gone = true;
        }
        return gone;
    }

    /** True when the client sent bytes the HTTP parser will never see: the connection must not be reused. */
    public synchronized boolean clientSentData() {
        return clientSentData;
    }
}
