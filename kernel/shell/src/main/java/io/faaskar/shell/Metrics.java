package io.faaskar.shell;

import io.faaskar.api.kernel.MetricsService;
import io.faaskar.api.model.FunctionRef;
import io.faaskar.api.scaling.FunctionMetrics;
import java.util.function.Function;

/** Reads the kernel's counters when the metrics service is there; listings must not fail without them. */
final class Metrics {

    private Metrics() {
    }

    static Function<FunctionRef, FunctionMetrics> lookup(MetricsService metrics) {
        return ref -> of(metrics, ref);
    }

    static FunctionMetrics of(MetricsService metrics, FunctionRef ref) {
        if (metrics == null) {
            return null;
        }
        try {
            return metrics.metrics(ref);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
