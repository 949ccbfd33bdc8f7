package io.faaskar.gateway.internal;

import io.faaskar.api.kernel.FunctionInvoker;
import io.faaskar.api.kernel.InvocationException;
import io.faaskar.api.kernel.InvocationRequest;
import io.faaskar.api.kernel.InvocationResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/** Records each invocation (and its body, read in full) and answers what the test tells it to. */
final class FakeInvoker implements FunctionInvoker {

    volatile InvocationRequest last;
    volatile byte[] lastBody;
    volatile int invocations;
    volatile Function<InvocationRequest, InvocationResponse> answer = request -> response(200, Map.of(), "ok");

    void reset() {
        last = null;
        lastBody = null;
        invocations = 0;
        answer = request -> response(200, Map.of(), "ok");
    }

    @Override
    public InvocationResponse invoke(InvocationRequest request) {
        invocations++;
        last = request;
        try {
            lastBody = request.body().readAllBytes();
        } catch (IOException e) {
            // what a real invoker reports when the upload breaks
            throw new InvocationException(502, "reading the request body failed: " + e.getMessage(), e);
        }
        return answer.apply(request);
    }

    static Answer response(int status, Map<String, List<String>> headers, String body) {
        return new Answer(status, headers, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    static Answer response(int status, Map<String, List<String>> headers, InputStream body) {
        return new Answer(status, headers, body);
    }

    /** An invocation answer that knows whether it was closed. */
    static final class Answer implements InvocationResponse {

        private final int status;
        private final Map<String, List<String>> headers;
        private final InputStream body;
        final CountDownLatch closed = new CountDownLatch(1);

        Answer(int status, Map<String, List<String>> headers, InputStream body) {
            this.status = status;
            this.headers = headers;
            this.body = body;
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
            return "fake-1";
        }

        @Override
        public void close() {
            closed.countDown();
            try {
                body.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean isClosed() {
            return closed.getCount() == 0;
        }
    }
}
