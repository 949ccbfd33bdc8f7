package io.faaskar.gateway.internal;

/** The gateway could not start listening; the message says which address and which setting to change. */
public class GatewayStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GatewayStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
