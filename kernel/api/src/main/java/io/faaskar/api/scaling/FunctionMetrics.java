package io.faaskar.api.scaling;

/**
 * A function's recent load, as the kernel's invoker measured it.
 *
 * @param invocations         completed invocations since the kernel started
 * @param requestsPerSecond   completed invocations per second over the recent window
 * @param inFlight            invocations under way now
 * @param meanLatencySeconds  mean duration over the recent window (0 when idle)
 * @param cpuMillicores       CPU use summed over replicas where the provider reports it, else -1
 * @param secondsSinceLastInvocation seconds since the last invocation started, or -1 if never
 */
public record FunctionMetrics(
        long invocations,
        double requestsPerSecond,
        int inFlight,
        double meanLatencySeconds,
        double cpuMillicores,
        double secondsSinceLastInvocation) {

    public static final FunctionMetrics IDLE = new FunctionMetrics(0, 0, 0, 0, -1, -1);
}
