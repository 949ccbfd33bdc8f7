package io.faaskar.api.provider;

/** The thing to create exists already (a function on POST, a secret on create); 409. */
public class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
