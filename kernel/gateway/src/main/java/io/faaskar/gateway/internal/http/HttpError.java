package io.faaskar.gateway.internal.http;

/** A request the gateway refuses itself, with the status and the one-line message to answer. */
public class HttpError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public HttpError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }

    public static HttpError tooLarge(long limit) {
        return new HttpError(413, "request body too large: the limit is " + limit + " bytes");
    }
}
