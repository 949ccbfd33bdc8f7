package io.faaskar.api.provider;

import java.net.URI;

/**
 * A ready replica of a function that can take invocations: {@code uri} is the watchdog's base
 * address (e.g. {@code http://127.0.0.1:39112}), {@code instance} a stable replica id for logs and metrics.
 */
public record FunctionEndpoint(String instance, URI uri) {
}
