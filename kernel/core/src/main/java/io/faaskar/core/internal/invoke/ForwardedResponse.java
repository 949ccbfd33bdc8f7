package io.faaskar.core.internal.invoke;

import io.faaskar.api.kernel.InvocationResponse;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A replica's streamed answer. Closing it (or its body) ends the invocation exactly once: the
 * replica's in-flight count drops and the invocation is counted with its status and duration.
 */
final class ForwardedResponse implements InvocationResponse {

    /** What to do when the invocation ends. */
    interface Completion {
        void completed(int status);
    }

    private final int status;
    private final Map<String, List<String>> headers;
    private final InputStream upstreamBody;
    private final InputStream body;
    private final String instance;
    private final Completion completion;
    private final AtomicBoolean closed = new AtomicBoolean();

    ForwardedResponse(int status, Map<String, List<String>> headers, InputStream upstreamBody, String instance,
            Completion completion) {
        this.status = status;
        this.headers = headers;
        this.upstreamBody = upstreamBody;
        this.instance = instance;
        this.completion = completion;
        this.body = new FilterInputStream(upstreamBody) {
            @Override
            public void close() throws IOException {
                ForwardedResponse.this.close();
            }
        };
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public Map<String, List<String>> headers() {
        return headers;
    }

    @Override
    public InputStream body() {
        return body;
    }

    @Override
    public String instance() {
        return instance;
    }

    @Override
    public void close() throws IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            // Closed before its end, the body abandons the connection; after its end, the connection is reused.
            upstreamBody.close();
        } finally {
            completion.completed(status);
        }
    }
}
