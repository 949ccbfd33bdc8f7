package io.faaskar.api.provider;

/**
 * A failure of a provider's orchestrator (process start, Docker or Kubernetes API error). The
 * gateway answers it with a 5xx naming the provider and the message, so messages must say what
 * failed and why, and never contain secret values.
 */
public class FunctionProviderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FunctionProviderException(String message) {
        super(message);
    }

    public FunctionProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
