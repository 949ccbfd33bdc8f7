package io.faaskar.core.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faaskar.api.model.FunctionRef;
import io.faaskar.api.scaling.FunctionMetrics;
import io.faaskar.core.internal.FakeProvider;
import io.faaskar.core.internal.function.FunctionRegistry;
import io.faaskar.core.internal.provider.ProviderRegistry;
import io.faaskar.api.model.VersionInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InvocationMetricsTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong clock = new AtomicLong(1000 * SECOND);
    private final InvocationMetrics metrics = new InvocationMetrics(clock::get);
    private final FunctionRef echo = new FunctionRef("echo", "openfaas-fn");

    private void invoke(FunctionRef fn, int code, long durationNanos) {
        FunctionStats stats = metrics.stats(fn);
        long start = stats.begin();
        clock.addAndGet(durationNanos);
        stats.end(code, start);
    }

    private String scrape() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.writePrometheus(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<String> lines(String text, String prefix) {
        return Arrays.stream(text.split("\n")).filter(l -> l.startsWith(prefix)).toList();
    }

    @Test
    void prometheusTextUsesTheOpenFaasNamesLabelsAndBuckets() throws IOException {
        invoke(echo, 200, 20_000_000L);
        invoke(echo, 200, 3 * SECOND);
        invoke(echo, 502, 1_000_000L);
        metrics.updateServiceCounts(Map.of("echo.openfaas-fn", 2L));
        FunctionStats open = metrics.stats(echo);
        long inFlightStart = open.begin();

        String text = scrape();
        assertTrue(text.contains("# TYPE gateway_function_invocation_total counter"), text);
        assertEquals(List.of(
                "gateway_function_invocation_total{code=\"200\",function_name=\"echo.openfaas-fn\"} 2.0",
                "gateway_function_invocation_total{code=\"502\",function_name=\"echo.openfaas-fn\"} 1.0"),
                lines(text, "gateway_function_invocation_total{"));

        assertTrue(text.contains("# TYPE gateway_functions_seconds histogram"), text);
        List<String> buckets = lines(text, "gateway_functions_seconds_bucket{code=\"200\"");
        assertEquals(12, buckets.size(), text);
        assertEquals(List.of("0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0", "+Inf"),
                buckets.stream().map(l -> l.replaceAll(".*le=\"([^\"]+)\".*", "$1")).toList());
        assertTrue(text.contains("gateway_functions_seconds_bucket{code=\"200\",function_name=\"echo.openfaas-fn\",le=\"0.025\"} 1"), text);
        assertTrue(text.contains("gateway_functions_seconds_bucket{code=\"200\",function_name=\"echo.openfaas-fn\",le=\"5.0\"} 2"), text);
        assertTrue(text.contains("gateway_functions_seconds_count{code=\"200\",function_name=\"echo.openfaas-fn\"} 2"), text);
        assertTrue(text.contains("gateway_functions_seconds_sum{code=\"200\",function_name=\"echo.openfaas-fn\"} 3.02"), text);

        assertTrue(text.contains("# TYPE gateway_function_invocation_started counter"), text);
        assertEquals(List.of("gateway_function_invocation_started{function_name=\"echo.openfaas-fn\"} 4"),
                lines(text, "gateway_function_invocation_started"));
        assertFalse(text.contains("gateway_function_invocation_started_total"), text);

        assertTrue(text.contains("# TYPE gateway_service_count gauge"), text);
        assertEquals(List.of("gateway_service_count{function_name=\"echo.openfaas-fn\"} 2.0"), lines(text, "gateway_service_count{"));
        assertEquals(List.of("faaskar_function_inflight{function_name=\"echo.openfaas-fn\"} 1.0"), lines(text, "faaskar_function_inflight{"));
        assertTrue(metrics.contentType().startsWith("text/plain; version=0.0.4"), metrics.contentType());
        open.end(200, inFlightStart);
    }

    @Test
    void serviceCountsDropFunctionsThatAreGone() throws IOException {
        metrics.updateServiceCounts(Map.of("a.openfaas-fn", 1L, "b.openfaas-fn", 3L));
        metrics.updateServiceCounts(Map.of("b.openfaas-fn", 0L));
        assertEquals(List.of("gateway_service_count{function_name=\"b.openfaas-fn\"} 0.0"), lines(scrape(), "gateway_service_count{"));
    }

    @Test
    void functionMetricsComeFromTheSlidingWindow() {
        assertEquals(FunctionMetrics.IDLE, metrics.metrics(echo));
        for (int i = 0; i < 20; i++) { // 20 invocations of 100 ms, two per second
            invoke(echo, 200, 100_000_000L);
            clock.addAndGet(400_000_000L);
        }
        clock.addAndGet(SECOND);
        FunctionMetrics m = metrics.metrics(echo);
        assertEquals(20, m.invocations());
        assertEquals(0, m.inFlight());
        assertEquals(2.0, m.requestsPerSecond(), 0.21);
        assertEquals(0.1, m.meanLatencySeconds(), 1e-9);
        assertEquals(1.5, m.secondsSinceLastInvocation(), 1e-9);
        assertEquals(-1, m.cpuMillicores());

        clock.addAndGet(60 * SECOND); // the window empties, the totals stay
        FunctionMetrics idle = metrics.metrics(echo);
        assertEquals(0.0, idle.requestsPerSecond());
        assertEquals(0.0, idle.meanLatencySeconds());
        assertEquals(20, idle.invocations());
    }

    @Test
    void labelValuesAreEscaped() {
        assertEquals("a\\\"b\\\\c\\n", InvocationMetrics.escapeLabelValue("a\"b\\c\n"));
    }

    @Test
    void refresherReadsDesiredReplicasAcrossNamespaces() throws IOException {
        ProviderRegistry providers = new ProviderRegistry("local");
        FakeProvider local = new FakeProvider("local");
        local.namespaces = java.util.Set.of("openfaas-fn", "team-a");
        local.with("a", "openfaas-fn", 2).with("b", "team-a", 5);
        providers.add(local);
        FunctionRegistry functions = new FunctionRegistry(providers, metrics, new VersionInfo(null, "unknown", "0"), 100);
        new ServiceCountRefresher(functions, metrics).run();
        assertEquals(List.of("gateway_service_count{function_name=\"a.openfaas-fn\"} 2.0",
                "gateway_service_count{function_name=\"b.team-a\"} 5.0"), lines(scrape(), "gateway_service_count{"));
    }
}
