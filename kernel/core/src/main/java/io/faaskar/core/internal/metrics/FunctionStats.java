package io.faaskar.core.internal.metrics;

import io.faaskar.api.model.FunctionRef;
import io.faaskar.api.scaling.FunctionMetrics;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * One function's invocation counters. The hot path ({@link #begin}, {@link #end}) touches only
 * atomics, adders and Prometheus data points cached per status code: no lock, no label lookup.
 */
public final class FunctionStats {

    private static final long NEVER = Long.MIN_VALUE;
    private static final int CACHED_CODES = 600;

    /** The Prometheus series of one status code: completed count and duration histogram. */
    record CodeSeries(CounterDataPoint total, DistributionDataPoint seconds) {
    }

    private final FunctionRef function;
    private final String label;
    private final LongSupplier nanoClock;
    private final IntFunction<CodeSeries> seriesFactory;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder started = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final SlidingWindow window = new SlidingWindow();
    private volatile long lastStartNanos = NEVER;
    private final AtomicReferenceArray<CodeSeries> seriesByCode = new AtomicReferenceArray<>(CACHED_CODES);
    private final Map<Integer, CodeSeries> unusualCodes = new ConcurrentHashMap<>();

    FunctionStats(FunctionRef function, LongSupplier nanoClock, IntFunction<CodeSeries> seriesFactory) {
        this.function = function;
        this.label = function.qualified();
        this.nanoClock = nanoClock;
        this.seriesFactory = seriesFactory;
    }

    public FunctionRef function() {
        return function;
    }

    /** {@code name.namespace}, the {@code function_name} label. */
    public String label() {
        return label;
    }

    /** An invocation starts: returns its start time for {@link #end}. */
    public long begin() {
        long now = nanoClock.getAsLong();
        inFlight.incrementAndGet();
        started.increment();
        lastStartNanos = now;
        return now;
    }

    /** The invocation that {@link #begin} returned {@code startNanos} for is over, answered with {@code code}. */
    public void end(int code, long startNanos) {
        long now = nanoClock.getAsLong();
        long duration = Math.max(0, now - startNanos);
        inFlight.decrementAndGet();
        completed.increment();
        window.record(now, duration);
        CodeSeries series = series(code);
        series.total().inc();
        series.seconds().observe(duration / 1e9);
    }

    private CodeSeries series(int code) {
        if (code >= 0 && code < CACHED_CODES) {
            CodeSeries s = seriesByCode.get(code);
            if (s == null) {
                s = seriesFactory.apply(code);
                if (!seriesByCode.compareAndSet(code, null, s)) {
                    s = seriesByCode.get(code);
                }
            }
            return s;
        }
        return unusualCodes.computeIfAbsent(code, seriesFactory::apply);
    }

    public int inFlight() {
        return inFlight.get();
    }

    public long started() {
        return started.sum();
    }

    public long completed() {
        return completed.sum();
    }

    public FunctionMetrics snapshot() {
        long now = nanoClock.getAsLong();
        SlidingWindow.Rates rates = window.read(now);
        long last = lastStartNanos;
        double sinceLast = last == NEVER ? -1 : Math.max(0, now - last) / 1e9;
        return new FunctionMetrics(completed.sum(), rates.perSecond(), Math.max(0, inFlight.get()),
                rates.meanLatencySeconds(), -1, sinceLast);
    }
}
