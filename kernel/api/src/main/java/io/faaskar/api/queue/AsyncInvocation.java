package io.faaskar.api.queue;

import io.faaskar.api.model.FunctionRef;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An invocation accepted on {@code /async-function/...}, held by a queue until it is dispatched.
 * {@code path} is what follows the function name; {@code callbackUrl} may be null.
 */
public record AsyncInvocation(
        String callId,
        FunctionRef function,
        String method,
        String path,
        String rawQuery,
        Map<String, List<String>> headers,
        byte[] body,
        URI callbackUrl,
        Instant acceptedAt) {
}
