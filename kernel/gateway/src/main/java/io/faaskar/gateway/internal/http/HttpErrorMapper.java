package io.faaskar.gateway.internal.http;

import io.faaskar.api.kernel.InvocationException;
import io.faaskar.api.provider.ConflictException;
import io.faaskar.api.provider.FunctionNotFoundException;
import io.faaskar.api.provider.FunctionProviderException;
import io.faaskar.api.provider.InvalidRequestException;
import io.faaskar.api.provider.UnsupportedFeatureException;
import java.io.IOException;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a handler threw into the answer: the kernel's exceptions into their OpenFaaS statuses,
 * everything unexpected into a logged 500. Bodies are one text/plain line. Once the answer has
 * started streaming, the only thing left to do is to abort it.
 */
public final class HttpErrorMapper {

    /** Marks answers the gateway made itself rather than a function, as OpenFaaS components do. */
    public static final String INTERNAL_HEADER = "X-OpenFaaS-Internal";

    private static final Logger LOG = LoggerFactory.getLogger(HttpErrorMapper.class);

    private HttpErrorMapper() {
    }

    public static void answer(Exchange exchange, Throwable failure) {
        if (exchange.isAnswered()) {
            abort(exchange, failure);
            return;
        }
        int status = statusOf(failure);
        String message;
        if (failure instanceof FunctionProviderException) {
            message = Json.oneLine(failure.getMessage());
            LOG.warn("{} {}: {}", exchange.method(), exchange.request().getHttpURI().getPath(), message);
        } else if (status == 500) {
            message = "internal error";
            LOG.error("{} {} failed", exchange.method(), exchange.request().getHttpURI().getPath(), failure);
        } else {
            message = Json.oneLine(failure.getMessage());
        }
        if (message.isEmpty()) {
            message = "error " + status;
        }
        if (failure instanceof InvocationException) {
            exchange.header(INTERNAL_HEADER, "gateway");
        }
        exchange.sendText(status, message);
    }

    static int statusOf(Throwable failure) {
        if (failure instanceof HttpError e) {
            return e.status();
        }
        if (failure instanceof InvocationException e) {
            return e.status() >= 400 && e.status() <= 599 ? e.status() : 502;
        }
        if (failure instanceof InvalidRequestException) {
            return 400;
        }
        if (failure instanceof FunctionNotFoundException) {
            return 404;
        }
        if (failure instanceof ConflictException) {
            return 409;
        }
        if (failure instanceof UnsupportedFeatureException) {
            return 501;
        }
        if (failure instanceof HttpException e) {
            return e.getCode();
        }
        return 500;
    }

    private static void abort(Exchange exchange, Throwable failure) {
        if (!exchange.abort(failure)) {
            LOG.debug("{} {}: failure after the answer was complete", exchange.method(),
                    exchange.request().getHttpURI().getPath(), failure);
        } else if (failure instanceof IOException) {
            // The client went away or stopped reading: nothing to report.
            LOG.debug("{} {}: response aborted", exchange.method(), exchange.request().getHttpURI().getPath(), failure);
        } else {
            LOG.warn("{} {}: response aborted after it started", exchange.method(),
                    exchange.request().getHttpURI().getPath(), failure);
        }
    }
}
