package io.faaskar.core.internal.metrics;

import io.faaskar.api.model.FunctionRef;
import io.faaskar.api.scaling.FunctionMetrics;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The per-function counters the invoker writes and the metrics service reads, and the Prometheus
 * registry (a private one, so a restarted bundle starts clean) with the OpenFaaS gateway metrics.
 */
@Component(service = InvocationMetrics.class, immediate = true)
public class InvocationMetrics {

    public static final String INVOCATION_TOTAL = "gateway_function_invocation_total";
    public static final String FUNCTION_SECONDS = "gateway_functions_seconds";
    public static final String INVOCATION_STARTED = "gateway_function_invocation_started";
    public static final String SERVICE_COUNT = "gateway_service_count";
    public static final String INFLIGHT = "faaskar_function_inflight";
    static final double[] SECONDS_BUCKETS = {.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10};

    private final LongSupplier nanoClock;
    private final Map<FunctionRef, FunctionStats> stats = new ConcurrentHashMap<>();
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter textWriter;
    private final Counter invocationTotal;
    private final Histogram functionSeconds;
    private final Gauge serviceCount;
    private final Set<String> serviceCountLabels = new HashSet<>();

    @Activate
    public InvocationMetrics() {
        this(System::nanoTime);
    }

    public InvocationMetrics(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        // The Prometheus client reads optional settings through the context class loader.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(InvocationMetrics.class.getClassLoader());
        try {
            invocationTotal = Counter.builder()
                    .name(INVOCATION_TOTAL)
                    .help("Completed function invocations")
                    .labelNames("function_name", "code")
                    .withoutExemplars()
                    .register(registry);
            functionSeconds = Histogram.builder()
                    .name(FUNCTION_SECONDS)
                    .help("Duration of function invocations in seconds")
                    .labelNames("function_name", "code")
                    .classicOnly()
                    .classicUpperBounds(SECONDS_BUCKETS)
                    .withoutExemplars()
                    .register(registry);
            serviceCount = Gauge.builder()
                    .name(SERVICE_COUNT)
                    .help("Desired replicas of each function")
                    .labelNames("function_name")
                    .withoutExemplars()
                    .register(registry);
            GaugeWithCallback.builder()
                    .name(INFLIGHT)
                    .help("Function invocations under way")
                    .labelNames("function_name")
                    .callback(cb -> stats.values().forEach(s -> cb.call(s.inFlight(), s.label())))
                    .register(registry);
            textWriter = PrometheusTextFormatWriter.create();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The counters of a function, created on its first invocation. */
    public FunctionStats stats(FunctionRef function) {
        FunctionStats s = stats.get(function);
        return s != null ? s : stats.computeIfAbsent(function, this::newStats);
    }

    private FunctionStats newStats(FunctionRef function) {
        String label = function.qualified();
        return new FunctionStats(function, nanoClock, code -> {
            String c = Integer.toString(code);
            return new FunctionStats.CodeSeries(invocationTotal.labelValues(label, c), functionSeconds.labelValues(label, c));
        });
    }

    public FunctionMetrics metrics(FunctionRef function) {
        FunctionStats s = stats.get(function);
        return s == null ? FunctionMetrics.IDLE : s.snapshot();
    }

    /** Completed invocations of a function, as {@code invocationCount} reports them. */
    public long invocationCount(FunctionRef function) {
        FunctionStats s = stats.get(function);
        return s == null ? 0 : s.completed();
    }

    public Collection<FunctionStats> all() {
        return stats.values();
    }

    /** Replaces the {@code gateway_service_count} series: {@code function_name} to desired replicas. */
    public void updateServiceCounts(Map<String, Long> desiredReplicas) {
        synchronized (serviceCountLabels) {
            for (String gone : serviceCountLabels) {
                if (!desiredReplicas.containsKey(gone)) {
                    serviceCount.remove(gone);
                }
            }
            serviceCountLabels.clear();
            desiredReplicas.forEach((fn, replicas) -> {
                serviceCount.labelValues(fn).set(replicas);
                serviceCountLabels.add(fn);
            });
        }
    }

    public String contentType() {
        return textWriter.getContentType();
    }

    /** Every metric in the Prometheus text format (0.0.4). */
    public void writePrometheus(OutputStream out) throws IOException {
        textWriter.write(out, registry.scrape());
        writeStarted(out);
    }

    /**
     * The Prometheus client names every counter {@code *_total} in the text format, but OpenFaaS
     * dashboards query {@code gateway_function_invocation_started} without the suffix, so this one
     * counter is written here, in the same format.
     */
    private void writeStarted(OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("# HELP " + INVOCATION_STARTED + " Function invocations started\n");
        w.write("# TYPE " + INVOCATION_STARTED + " counter\n");
        for (FunctionStats s : stats.values()) {
            w.write(INVOCATION_STARTED);
            w.write("{function_name=\"");
            w.write(escapeLabelValue(s.label()));
            w.write("\"} ");
            w.write(Long.toString(s.started()));
            w.write('\n');
        }
        w.flush();
    }

    static String escapeLabelValue(String value) {
        if (value.indexOf('\\') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
