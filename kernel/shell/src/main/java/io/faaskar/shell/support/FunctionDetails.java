package io.faaskar.shell.support;

import io.faaskar.api.model.FunctionResources;
import io.faaskar.api.model.FunctionStatus;
import io.faaskar.api.scaling.FunctionMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What {@code faas:describe} shows: labelled lines for text, one object for {@code --json}. */
public final class FunctionDetails {

    public record Line(String label, String value) {
    }

    private FunctionDetails() {
    }

    /** Every field of the status, then the kernel's metrics when known (null: not available). */
    public static List<Line> lines(FunctionStatus s, FunctionMetrics m) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("Name", s.name()));
        lines.add(new Line("Namespace", FunctionRows.orDash(s.namespace())));
        lines.add(new Line("Provider", FunctionRows.orDash(s.provider())));
        lines.add(new Line("Status", s.availableReplicas() > 0 ? "Ready" : "Not Ready"));
        lines.add(new Line("Replicas", Long.toString(s.replicas())));
        lines.add(new Line("Available replicas", Long.toString(s.availableReplicas())));
        lines.add(new Line("Invocations", Long.toString(Math.max((long) s.invocationCount(), m == null ? 0 : m.invocations()))));
        lines.add(new Line("Image", FunctionRows.orDash(s.image())));
        lines.add(new Line("Function process", FunctionRows.orDash(s.envProcess())));
        lines.add(new Line("Created", s.createdAt() == null ? "-" : s.createdAt().toString()));
        lines.add(new Line("Environment", pairs(s.envVars())));
        lines.add(new Line("Labels", pairs(s.labels())));
        lines.add(new Line("Annotations", pairs(s.annotations())));
        lines.add(new Line("Constraints", list(s.constraints())));
        lines.add(new Line("Secrets", list(s.secrets())));
        lines.add(new Line("Limits", resources(s.limits())));
        lines.add(new Line("Requests", resources(s.requests())));
        lines.add(new Line("Read-only root filesystem", Boolean.toString(Boolean.TRUE.equals(s.readOnlyRootFilesystem()))));
        if (m != null) {
            lines.add(new Line("Requests per second", String.format(Locale.ROOT, "%.2f", m.requestsPerSecond())));
            lines.add(new Line("In flight", Integer.toString(m.inFlight())));
            lines.add(new Line("Mean latency", String.format(Locale.ROOT, "%.3f s", m.meanLatencySeconds())));
            lines.add(new Line("CPU", m.cpuMillicores() < 0 ? "-" : String.format(Locale.ROOT, "%.0fm", m.cpuMillicores())));
            lines.add(new Line("Last invocation", m.secondsSinceLastInvocation() < 0 ? "never"
                    : String.format(Locale.ROOT, "%.1f s ago", m.secondsSinceLastInvocation())));
        }
        return lines;
    }

    /** Lines as {@code Label:   value}, values aligned. */
    public static String format(List<Line> lines) {
        int width = lines.stream().mapToInt(l -> l.label().length()).max().orElse(0) + 2;
        StringBuilder out = new StringBuilder();
        for (Line line : lines) {
            String label = line.label() + ":";
            out.append(label).append(" ".repeat(width - label.length() + 1)).append(line.value()).append('\n');
        }
        return out.toString();
    }

    /** The status's fields as in {@code /system/function/NAME}, plus {@code provider} and {@code metrics}. */
    public static Map<String, Object> json(FunctionStatus s, FunctionMetrics m) {
        @SuppressWarnings("unchecked")
        Map<String, Object> object = new LinkedHashMap<>(Json.MAPPER.convertValue(s, Map.class));
        object.put("provider", s.provider());
        if (m != null) {
            object.put("metrics", m);
        }
        return object;
    }

    private static String pairs(Map<String, String> map) {
        if (map == null || map.isEmpty()) {
            return "-";
        }
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(map).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return sb.toString();
    }

    private static String list(List<String> values) {
        return values == null || values.isEmpty() ? "-" : String.join(", ", values);
    }

    private static String resources(FunctionResources r) {
        if (r == null || r.isEmpty()) {
            return "-";
        }
        List<String> parts = new ArrayList<>();
        if (r.memory() != null) {
            parts.add("memory=" + r.memory());
        }
        if (r.cpu() != null) {
            parts.add("cpu=" + r.cpu());
        }
        if (r.nvidiaGpu() != null) {
            parts.add("nvidia.com/gpu=" + r.nvidiaGpu());
        }
        if (r.amdGpu() != null) {
            parts.add("amd.com/gpu=" + r.amdGpu());
        }
        if (r.intelGpu() != null) {
            parts.add("intel.com/gpu=" + r.intelGpu());
        }
        return String.join(" ", parts);
    }
}
