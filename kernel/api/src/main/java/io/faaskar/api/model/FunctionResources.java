package io.faaskar.api.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Resource limits or requests of a function, as OpenFaaS spells them: memory like {@code 128M} or
 * {@code 20Mi}, cpu like {@code 100m} or {@code 0.5}. Every field may be null.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record FunctionResources(
        @JsonProperty("memory") String memory,
        @JsonProperty("cpu") String cpu,
        @JsonProperty("nvidia.com/gpu") String nvidiaGpu,
        @JsonProperty("amd.com/gpu") String amdGpu,
        @JsonProperty("intel.com/gpu") String intelGpu) {

    public static FunctionResources of(String memory, String cpu) {
        return new FunctionResources(memory, cpu, null, null, null);
    }

    /** True when no resource is set, so the value can be treated as absent. */
    @JsonIgnore
    public boolean isEmpty() {
        return blank(memory) && blank(cpu) && blank(nvidiaGpu) && blank(amdGpu) && blank(intelGpu);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
