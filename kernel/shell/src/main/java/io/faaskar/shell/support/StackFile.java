package io.faaskar.shell.support;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A faas-cli stack file ({@code stack.yml}) as far as deploying needs it. {@code provider} and build
 * settings ({@code lang}, {@code handler}, {@code build_args}...) are read but not used; unknown keys are
 * ignored, as faas-cli does.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StackFile(String version, Provider provider, Map<String, Function> functions) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Provider(String name, String gateway) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Function(
            String lang,
            String handler,
            String image,
            String fprocess,
            Map<String, String> environment,
            @JsonProperty("environment_file") List<String> environmentFile,
            Map<String, String> labels,
            Map<String, String> annotations,
            List<String> constraints,
            List<String> secrets,
            Resources limits,
            Resources requests,
            @JsonProperty("readonly_root_filesystem") Boolean readonlyRootFilesystem,
            String namespace) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Resources(String memory, String cpu) {
    }

    /** The {@code environment_file} format: {@code environment: {KEY: value}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EnvironmentFile(Map<String, String> environment) {
    }
}
