package io.faaskar.provider.local.internal;

import io.faaskar.api.model.FunctionRef;
import io.faaskar.api.model.FunctionStatus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A function the provider runs: its persisted definition, how its replicas run, and the replicas.
 * Changes (deploy, update, scale, remove) hold {@link #lock}, so they apply one at a time;
 * reads (status, endpoints, logs) never wait for them.
 */
final class ManagedFunction {

    final FunctionRef ref;
    final ReentrantLock lock = new ReentrantLock();
    /** Active replicas (starting, ready or restarting); stopping ones are removed first. */
    final List<Replica> replicas = new CopyOnWriteArrayList<>();
    volatile StoredFunction stored;
    /** Null when the persisted definition can no longer run here (e.g. its handler directory is gone). */
    volatile LaunchPlan plan;
    volatile boolean removed;

    ManagedFunction(FunctionRef ref) {
        this.ref = ref;
    }

    FunctionStatus status() {
        StoredFunction s = stored;
        long available = replicas.stream().filter(Replica::isReady).count();
        return FunctionStatus.of(s.deployment(), s.replicas(), available, s.createdAt());
    }
}
