package io.faaskar.api.kernel;

/**
 * An invocation that did not reach a replica or got no answer in time, with the HTTP status that
 * says so: 404 unknown function, 503 no ready replica, 502 replica unreachable, 504 timed out.
 */
public class InvocationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public InvocationException(int status, String message) {
        super(message);
        this.status = status;
    }

    public InvocationException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
