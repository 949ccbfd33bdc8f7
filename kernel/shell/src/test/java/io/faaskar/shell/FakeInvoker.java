package io.faaskar.shell;

import io.faaskar.api.kernel.FunctionInvoker;
import io.faaskar.api.kernel.InvocationException;
import io.faaskar.api.kernel.InvocationRequest;
import io.faaskar.api.kernel.InvocationResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Answers every invocation with a fixed status and body, and remembers the request. */
final class FakeInvoker implements FunctionInvoker {

    int status = 200;
    String answer = "ok";
    InvocationException failure;
    InvocationRequest request;
    byte[] requestBody;
    boolean closed;

    @Override
    public InvocationResponse invoke(InvocationRequest r) {
        request = r;
        try {
            requestBody = r.body().readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (failure != null) {
            throw failure;
        }
        return new InvocationResponse() {
            @Override
            public int status() {
                return status;
            }

            @Override
            public Map<String, List<String>> headers() {
                return Map.of("Content-Type", List.of("text/plain"));
            }

            @Override
            public InputStream body() {
                return new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public String instance() {
                return "r1";
            }

            @Override
            public void close() {
                closed = true;
            }
        };
    }
}
