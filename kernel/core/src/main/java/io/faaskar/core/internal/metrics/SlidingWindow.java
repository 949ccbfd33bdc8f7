package io.faaskar.core.internal.metrics;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Completed invocations and their total duration over the last {@value #SECONDS} whole seconds, in
 * one-second buckets reused round-robin. Lock-free: a writer that enters a new second claims the
 * bucket by CAS and clears it; a count racing with that clear may be lost, which a load estimate
 * for scaling tolerates.
 */
final class SlidingWindow {

    static final int SECONDS = 10;
    private static final int BUCKETS = SECONDS + 2;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final AtomicLongArray bucketSecond = new AtomicLongArray(BUCKETS);
    private final LongAdder[] counts = new LongAdder[BUCKETS];
    private final LongAdder[] nanos = new LongAdder[BUCKETS];

    SlidingWindow() {
        for (int i = 0; i < BUCKETS; i++) {
            bucketSecond.set(i, Long.MIN_VALUE);
            counts[i] = new LongAdder();
            nanos[i] = new LongAdder();
        }
    }

    void record(long nowNanos, long durationNanos) {
        long second = Math.floorDiv(nowNanos, NANOS_PER_SECOND);
        int i = (int) Math.floorMod(second, (long) BUCKETS);
        long claimed = bucketSecond.get(i);
        if (claimed != second && bucketSecond.compareAndSet(i, claimed, second)) {
            counts[i].reset();
            nanos[i].reset();
        }
        counts[i].increment();
        nanos[i].add(durationNanos);
    }

    /** Requests per second and mean latency over the last whole seconds (the running second excluded). */
    Rates read(long nowNanos) {
        long current = Math.floorDiv(nowNanos, NANOS_PER_SECOND);
        long count = 0;
        long totalNanos = 0;
        for (int i = 0; i < BUCKETS; i++) {
            long s = bucketSecond.get(i);
            if (s < current && s >= current - SECONDS) {
                count += counts[i].sum();
                totalNanos += nanos[i].sum();
            }
        }
        double meanSeconds = count == 0 ? 0 : (double) totalNanos / count / NANOS_PER_SECOND;
        return new Rates((double) count / SECONDS, meanSeconds);
    }

    record Rates(double perSecond, double meanLatencySeconds) {
    }
}
