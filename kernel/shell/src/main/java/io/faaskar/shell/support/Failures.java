package io.faaskar.shell.support;

import io.faaskar.api.kernel.InvocationException;
import io.faaskar.api.provider.ConflictException;
import io.faaskar.api.provider.FunctionNotFoundException;
import io.faaskar.api.provider.FunctionProviderException;
import io.faaskar.api.provider.InvalidRequestException;
import io.faaskar.api.provider.UnsupportedFeatureException;
import java.util.Optional;

/** One-line messages for the errors a user can cause or must know about; empty for anything else (a bug). */
public final class Failures {

    private Failures() {
    }

    public static Optional<String> message(Throwable e) {
        String detail = detail(e);
        if (e instanceof UserError) {
            return Optional.of(detail);
        }
        if (e instanceof FunctionNotFoundException) {
            return Optional.of("Not found: " + detail);
        }
        if (e instanceof InvalidRequestException) {
            return Optional.of("Invalid request: " + detail);
        }
        if (e instanceof ConflictException) {
            return Optional.of("Conflict: " + detail);
        }
        if (e instanceof UnsupportedFeatureException) {
            return Optional.of("Not supported: " + detail);
        }
        if (e instanceof FunctionProviderException) {
            return Optional.of("Provider error: " + detail);
        }
        if (e instanceof InvocationException ie) {
            return Optional.of("Invocation failed (HTTP " + ie.status() + "): " + detail);
        }
        return Optional.empty();
    }

    /** A message for any failure: the user-facing one, else the exception's own. */
    public static String describe(Throwable e) {
        return message(e).orElseGet(() -> e.getClass().getSimpleName() + ": " + detail(e));
    }

    private static String detail(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return m.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
