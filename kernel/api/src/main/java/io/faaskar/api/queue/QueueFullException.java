package io.faaskar.api.queue;

/** The queue cannot take more invocations now; the gateway answers 429 and the client may retry. */
public class QueueFullException extends Exception {

    private static final long serialVersionUID = 1L;

    public QueueFullException(String message) {
        super(message);
    }
}
