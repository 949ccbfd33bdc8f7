package io.faaskar.api.queue;

/**
 * The kernel's side of a queue: invokes the function and delivers the callback. Returning normally
 * means the invocation is done and may be acknowledged; throwing means it should be retried
 * according to the queue's policy.
 */
@FunctionalInterface
public interface AsyncInvocationHandler {

    void handle(AsyncInvocation invocation) throws Exception;
}
