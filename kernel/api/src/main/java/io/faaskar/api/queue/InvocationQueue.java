package io.faaskar.api.queue;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Holds asynchronous invocations until the kernel dispatches them. The kernel ships a bounded
 * in-memory queue that is not durable; plugins (NATS JetStream) offer durable ones.
 */
@ConsumerType
public interface InvocationQueue {

    String name();

    /** True when accepted invocations survive a restart of faaskar. */
    boolean durable();

    /** Accepts an invocation or refuses it at once; never blocks for long. */
    void enqueue(AsyncInvocation invocation) throws QueueFullException;

    /** Starts delivering invocations to the handler; closing the result stops delivery. */
    AutoCloseable consume(AsyncInvocationHandler handler);
}
