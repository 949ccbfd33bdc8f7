package io.faaskar.api.provider;

/** The provider does not offer this operation (secrets, logs, namespaces...); 501. */
public class UnsupportedFeatureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnsupportedFeatureException(String message) {
        super(message);
    }
}
