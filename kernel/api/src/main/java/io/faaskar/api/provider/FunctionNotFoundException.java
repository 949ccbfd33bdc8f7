package io.faaskar.api.provider;

/** The function (or secret) named does not exist; the gateway answers 404. */
public class FunctionNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FunctionNotFoundException(String message) {
        super(message);
    }
}
