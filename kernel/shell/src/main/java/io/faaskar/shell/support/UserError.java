package io.faaskar.shell.support;

/**
 * A mistake the user can fix (bad option value, malformed stack file...). Its message is one line that
 * names what to change; the shell prints it without a stack trace.
 */
public class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
