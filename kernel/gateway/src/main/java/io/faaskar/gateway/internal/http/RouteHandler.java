package io.faaskar.gateway.internal.http;

/**
 * Serves one route. Handlers run on a Jetty thread that may block; they must answer through the
 * {@link Exchange} or throw (the {@link HttpErrorMapper} then answers).
 */
@FunctionalInterface
public interface RouteHandler {

    void handle(Exchange exchange) throws Exception;
}
