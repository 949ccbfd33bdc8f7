package io.faaskar.api.kernel;

import io.faaskar.api.model.FunctionRef;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * A synchronous invocation: {@code path} is what follows {@code /function/NAME} (at least {@code /}),
 * {@code rawQuery} may be null, {@code body} is streamed and {@code contentLength} is -1 when unknown.
 */
public record InvocationRequest(
        FunctionRef function,
        String method,
        String path,
        String rawQuery,
        Map<String, List<String>> headers,
        InputStream body,
        long contentLength) {
}
