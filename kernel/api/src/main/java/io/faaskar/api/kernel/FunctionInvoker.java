package io.faaskar.api.kernel;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Invokes functions: picks a ready replica (least in-flight first), calls its watchdog over pooled
 * keep-alive connections without following redirects, and counts the invocation for metrics and
 * scaling. Throws {@link InvocationException} when no replica answered.
 */
@ProviderType
public interface FunctionInvoker {

    InvocationResponse invoke(InvocationRequest request);
}
