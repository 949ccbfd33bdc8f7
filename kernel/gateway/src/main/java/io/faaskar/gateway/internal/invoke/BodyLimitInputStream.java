package io.faaskar.gateway.internal.invoke;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts a streamed request body and fails the read that goes beyond the limit; {@link #exceeded()}
 * then tells the gateway to answer 413 whatever the invoker made of the failed read.
 */
final class BodyLimitInputStream extends FilterInputStream {

    private final long limit;
    private long count;
    private volatile boolean exceeded;

    BodyLimitInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    boolean exceeded() {
        return exceeded;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(long n) throws IOException {
        count += n;
        if (count > limit) {
            exceeded = true;
            throw new IOException("request body larger than " + limit + " bytes");
        }
    }
}
