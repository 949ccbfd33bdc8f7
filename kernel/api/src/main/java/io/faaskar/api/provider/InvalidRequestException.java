package io.faaskar.api.provider;

/** The request cannot be carried out as given (bad name, missing field, unsupported value); 400. */
public class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }
}
