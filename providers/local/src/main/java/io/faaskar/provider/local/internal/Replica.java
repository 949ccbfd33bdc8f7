package io.faaskar.provider.local.internal;

import io.faaskar.api.model.FunctionRef;
import io.faaskar.api.provider.FunctionEndpoint;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One replica of a function: a watchdog process, restarted in place (same id and directory, new
 * ports) when it dies. State changes happen under the replica's monitor, in {@link ReplicaSupervisor}.
 */
final class Replica {

    enum State {
        /** spawned, not yet answering /_/health */
        STARTING,
        /** answering /_/health with 200: in the endpoint snapshot */
        READY,
        /** died unexpectedly, waiting for its restart */
        RESTARTING,
        /** being stopped on purpose: never restarted */
        STOPPING,
        STOPPED
    }

    final String id;
    final FunctionRef function;
    final Path dir;
    final LaunchPlan plan;
    /** Completes the first time the replica answers its health check (rolling updates wait on it). */
    final CompletableFuture<Void> firstReady = new CompletableFuture<>();
    /** Completes once the replica is stopped on purpose and its process has exited. */
    final CompletableFuture<Void> stopped = new CompletableFuture<>();
    /** True while a health check of this replica is under way, so slow checks never pile up. */
    final AtomicBoolean checking = new AtomicBoolean();

    // guarded by this
    State state = State.STARTING;
    Process process;
    int port;
    int upstreamPort;
    /** Incremented per spawn, so late events of a previous process are recognised and ignored. */
    int generation;
    long startedNanos;
    int consecutiveCrashes;
    int failedChecks;
    boolean slowStartReported;
    Thread logCopier;

    Replica(String id, FunctionRef function, Path dir, LaunchPlan plan) {
        this.id = id;
        this.function = function;
        this.dir = dir;
        this.plan = plan;
    }

    synchronized State state() {
        return state;
    }

    synchronized boolean isReady() {
        return state == State.READY && process != null && process.isAlive();
    }

    /** True unless stopping or stopped: it counts towards the function's replicas. */
    synchronized boolean isActive() {
        return state != State.STOPPING && state != State.STOPPED;
    }

    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    synchronized FunctionEndpoint endpoint() {
        return new FunctionEndpoint(id, URI.create("http://127.0.0.1:" + port));
    }

    @Override
    public String toString() {
        return id;
    }
}
