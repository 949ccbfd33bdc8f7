package io.faaskar.core.internal.invoke;

import io.faaskar.api.provider.FunctionEndpoint;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Picks the replica with the fewest invocations under way. Ties are broken by a rotating start
 * index, so idle replicas share traffic instead of the first one taking it all. In-flight counts
 * are kept per replica address, lock-free.
 */
final class EndpointBalancer {

    private static final int SWEEP_EVERY = 4096;
    private static final long IDLE_BEFORE_FORGOTTEN = TimeUnit.MINUTES.toNanos(10);

    private final ConcurrentHashMap<URI, Load> loads = new ConcurrentHashMap<>();
    private final AtomicInteger rotation = new AtomicInteger();
    private final AtomicLong choices = new AtomicLong();

    /** One replica's invocations under way; {@link #release()} once per {@link #acquire}. */
    static final class Load {
        private final FunctionEndpoint endpoint;
        private final AtomicInteger inFlight = new AtomicInteger();
        private volatile long lastUsedNanos = System.nanoTime();

        Load(FunctionEndpoint endpoint) {
            this.endpoint = endpoint;
        }

        FunctionEndpoint endpoint() {
            return endpoint;
        }

        int inFlight() {
            return inFlight.get();
        }

        void release() {
            inFlight.decrementAndGet();
        }
    }

    /** Chooses a replica other than {@code excluded} (may be null) and counts one invocation on it. */
    Load acquire(List<FunctionEndpoint> endpoints, FunctionEndpoint excluded) {
        int n = endpoints.size();
        int start = Math.floorMod(rotation.getAndIncrement(), n);
        Load best = null;
        int bestInFlight = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            FunctionEndpoint candidate = endpoints.get((start + i) % n);
            if (candidate.equals(excluded) && n > 1) {
                continue;
            }
            Load load = loadOf(candidate);
            int inFlight = load.inFlight();
            if (inFlight < bestInFlight) {
                best = load;
                bestInFlight = inFlight;
                if (inFlight == 0) {
                    break;
                }
            }
        }
        best.inFlight.incrementAndGet();
        best.lastUsedNanos = System.nanoTime();
        if (choices.incrementAndGet() % SWEEP_EVERY == 0) {
            forgetIdle();
        }
        return best;
    }

    int inFlight(URI address) {
        Load load = loads.get(address);
        return load == null ? 0 : load.inFlight();
    }

    private Load loadOf(FunctionEndpoint endpoint) {
        Load load = loads.get(endpoint.uri());
        if (load == null) {
            load = loads.computeIfAbsent(endpoint.uri(), uri -> new Load(endpoint));
        }
        return load;
    }

    /** Replicas come and go with new addresses; forget those long idle so the map stays small. */
    private void forgetIdle() {
        long now = System.nanoTime();
        loads.values().removeIf(l -> l.inFlight() == 0 && now - l.lastUsedNanos > IDLE_BEFORE_FORGOTTEN);
    }
}
