package io.faaskar.core.internal.invoke;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.OutputStreamRequestContent;
import org.eclipse.jetty.client.Request;

/**
 * The caller's request body as the invoker sends it. A small body of known length (most invocations)
 * is read whole before connecting and goes out in the same write as the headers; it can be sent again
 * to another replica. A larger or chunked one is streamed by an {@link Upload} once a connection is
 * established, so none of it is read while the attempt may still fail to connect.
 */
final class RequestBody {

    /** Bodies up to this size with a declared length are read whole. */
    static final int WHOLE_LIMIT = 64 * 1024;
    private static final byte[] NONE = new byte[0];

    private final byte[] whole;
    private final UntouchedBody stream;
    private final long length;

    private RequestBody(byte[] whole, UntouchedBody stream, long length) {
        this.whole = whole;
        this.stream = stream;
        this.length = length;
    }

    /** {@code contentLength} -1 means unknown (chunked); a short whole body fails here. */
    static RequestBody of(InputStream in, long contentLength) throws IOException {
        if (in == null || contentLength == 0) {
            return new RequestBody(NONE, null, 0);
        }
        if (contentLength > 0 && contentLength <= WHOLE_LIMIT) {
            byte[] bytes = in.readNBytes((int) contentLength);
            if (bytes.length < contentLength) {
                throw new IOException("request body ended after " + bytes.length + " of " + contentLength + " bytes");
            }
            return new RequestBody(bytes, null, contentLength);
        }
        return new RequestBody(null, new UntouchedBody(in), contentLength);
    }

    /** Whether a failed connect may be retried elsewhere: nothing of a streamed body has been read yet. */
    boolean resendable() {
        return stream == null || !stream.touched();
    }

    /** What one attempt sends: null for no body, else fresh content (an {@link Upload} when streamed). */
    Request.Content newContent() {
        if (stream != null) {
            return new Upload(stream, length);
        }
        return whole.length == 0 ? null : new BytesRequestContent((String) null, whole); // no Content-Type of its own
    }

    /**
     * A streamed body: {@link #run()} copies the caller's stream into the request on the thread that runs
     * it (never a client I/O thread: reading the caller's stream blocks); each write waits until the
     * client has sent it. A failed copy aborts the request, so a truncated body never looks complete.
     */
    static final class Upload extends OutputStreamRequestContent implements Runnable {

        private static final int COPY_BUFFER_BYTES = 16 * 1024;

        private final InputStream source;
        private final long length;
        private volatile Request request;
        private volatile boolean finished;

        private Upload(InputStream source, long length) {
            super((String) null); // no Content-Type of its own
            this.source = source;
            this.length = length;
        }

        /** The declared Content-Length is forwarded as such; -1 sends the body chunked. */
        @Override
        public long getLength() {
            return length;
        }

        void uploadTo(Request request) {
            this.request = request;
        }

        boolean finished() {
            return finished;
        }

        @Override
        public void run() {
            try {
                OutputStream out = getOutputStream();
                byte[] buffer = new byte[COPY_BUFFER_BYTES];
                int n;
                while ((n = source.read(buffer)) != -1) {
                    if (n > 0) {
                        out.write(buffer, 0, n);
                    }
                }
                out.close();
            } catch (Throwable failure) {
                request.abort(failure);
            } finally {
                finished = true;
            }
        }
    }
}
