package io.faaskar.core.internal.invoke;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** The caller's request body, remembering whether any of it was read: only an unread body may be sent again. */
final class UntouchedBody extends FilterInputStream {

    private volatile boolean touched;

    UntouchedBody(InputStream in) {
        super(in);
    }

    boolean touched() {
        return touched;
    }

    @Override
    public int read() throws IOException {
        touched = true;
        return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        touched = true;
        return super.read(b, off, len);
    }

    @Override
    public long skip(long n) throws IOException {
        touched = true;
        return super.skip(n);
    }

    /** The caller owns the stream and closes it itself. */
    @Override
    public void close() {
        // the gateway closes its request stream itself
    }
}
