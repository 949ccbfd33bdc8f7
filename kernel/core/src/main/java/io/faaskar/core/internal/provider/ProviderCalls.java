package io.faaskar.core.internal.provider;

import io.faaskar.api.provider.ConflictException;
import io.faaskar.api.provider.FunctionNotFoundException;
import io.faaskar.api.provider.FunctionProviderException;
import io.faaskar.api.provider.InvalidRequestException;
import io.faaskar.api.provider.UnsupportedFeatureException;
import java.util.function.Supplier;

/**
 * Calls into a provider so that callers only ever see the API's exceptions: those pass through,
 * anything else (a bug, a vanished service) becomes a {@link FunctionProviderException} naming the
 * provider, the operation and the function.
 */
public final class ProviderCalls {

    private ProviderCalls() {
    }

    public static <T> T call(String provider, String operation, String target, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw translate(provider, operation, target, e);
        }
    }

    public static void run(String provider, String operation, String target, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            throw translate(provider, operation, target, e);
        }
    }

    public static RuntimeException translate(String provider, String operation, String target, RuntimeException e) {
        if (isApiException(e)) {
            return e;
        }
        String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new FunctionProviderException(
                "provider " + provider + " failed to " + operation + " " + target + ": " + cause, e);
    }

    static boolean isApiException(RuntimeException e) {
        return e instanceof FunctionNotFoundException
                || e instanceof InvalidRequestException
                || e instanceof ConflictException
                || e instanceof UnsupportedFeatureException
                || e instanceof FunctionProviderException;
    }
}
