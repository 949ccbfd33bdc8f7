package io.faaskar.shell.support;

import io.faaskar.api.kernel.ProviderDescription;
import io.faaskar.api.provider.ProviderCapabilities;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/** The rows of {@code faas:providers}, sorted by name. */
public final class ProviderRows {

    public static final List<String> HEADERS =
            List.of("NAME", "ORCHESTRATION", "VERSION", "DEFAULT", "OSES", "NAMESPACES", "CAPABILITIES");

    public record Row(String name, String orchestration, String version, String isDefault, String oses,
            String namespaces, String capabilities) {

        public List<Object> cells() {
            return List.of(name, orchestration, version, isDefault, oses, namespaces, capabilities);
        }
    }

    private ProviderRows() {
    }

    public static List<Row> of(List<ProviderDescription> providers) {
        return providers.stream()
                .sorted(Comparator.comparing(ProviderDescription::name))
                .map(ProviderRows::row)
                .toList();
    }

    static Row row(ProviderDescription p) {
        String orchestration = p.info() == null ? null : p.info().orchestration();
        String version = p.info() == null || p.info().version() == null ? null : p.info().version().release();
        ProviderCapabilities caps = p.capabilities();
        return new Row(p.name(), FunctionRows.orDash(orchestration), FunctionRows.orDash(version),
                p.isDefault() ? "yes" : "no",
                caps == null ? "-" : joined(caps.operatingSystems()),
                caps == null ? "-" : joined(caps.namespaces()),
                capabilities(caps));
    }

    /** The capability flags that are set, e.g. {@code processes,logs,scale-to-zero}. */
    public static String capabilities(ProviderCapabilities caps) {
        if (caps == null) {
            return "-";
        }
        List<String> flags = new ArrayList<>();
        if (caps.runsImages()) {
            flags.add("images");
        }
        if (caps.runsProcesses()) {
            flags.add("processes");
        }
        if (caps.secrets()) {
            flags.add("secrets");
        }
        if (caps.logs()) {
            flags.add("logs");
        }
        if (caps.scaleToZero()) {
            flags.add("scale-to-zero");
        }
        return flags.isEmpty() ? "-" : String.join(",", flags);
    }

    static String joined(Collection<String> values) {
        return values == null || values.isEmpty() ? "-" : String.join(",", new TreeSet<>(values));
    }
}
