package io.faaskar.api.kernel;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Invokes functions: picks a ready replica (least in-flight first), calls its watchdog over pooled
 * keep-alive connections without following redirects, and counts the invocation for metrics and
 * scaling. It is the hop to the replica: it forwards only end-to-end request headers (hop-by-hop ones
 * and those named in {@code Connection} stay behind) and answers with end-to-end headers only, so
 * callers pass headers as they got them. Throws {@link InvocationException} when no replica answered.
 */
@ProviderType
public interface FunctionInvoker {

    InvocationResponse invoke(InvocationRequest request);
}
