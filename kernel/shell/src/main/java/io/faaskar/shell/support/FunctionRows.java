package io.faaskar.shell.support;

import io.faaskar.api.model.FunctionRef;
import io.faaskar.api.model.FunctionStatus;
import io.faaskar.api.scaling.FunctionMetrics;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** The rows of {@code faas:list}: one per function, sorted by namespace then name. */
public final class FunctionRows {

    public static final List<String> HEADERS =
            List.of("NAME", "PROVIDER", "NAMESPACE", "IMAGE/FPROCESS", "REPLICAS", "INVOCATIONS");

    /** One row; {@code replicas} is {@code available/desired}. */
    public record Row(String name, String provider, String namespace, String imageOrProcess, String replicas,
            long invocations) {

        public List<Object> cells() {
            return List.of(name, provider, namespace, imageOrProcess, replicas, invocations);
        }
    }

    private FunctionRows() {
    }

    /**
     * @param metrics the kernel's counters for a function, or null when unknown; the larger of the
     *                status's {@code invocationCount} and the kernel's count is shown
     */
    public static List<Row> of(List<FunctionStatus> statuses, Function<FunctionRef, FunctionMetrics> metrics) {
        return statuses.stream()
                .sorted(Comparator.comparing((FunctionStatus s) -> nullToEmpty(s.namespace()))
                        .thenComparing(s -> nullToEmpty(s.name())))
                .map(s -> row(s, metrics))
                .toList();
    }

    static Row row(FunctionStatus s, Function<FunctionRef, FunctionMetrics> metrics) {
        long invocations = (long) s.invocationCount();
        if (metrics != null && s.name() != null) {
            FunctionMetrics m = metrics.apply(new FunctionRef(s.name(), s.namespace()));
            if (m != null) {
                invocations = Math.max(invocations, m.invocations());
            }
        }
        return new Row(nullToEmpty(s.name()), orDash(s.provider()), orDash(s.namespace()), imageOrProcess(s),
                s.availableReplicas() + "/" + s.replicas(), invocations);
    }

    /** The image when there is one, else the process the local provider runs. */
    public static String imageOrProcess(FunctionStatus s) {
        if (s.image() != null && !s.image().isBlank()) {
            return s.image();
        }
        return orDash(s.envProcess());
    }

    static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
