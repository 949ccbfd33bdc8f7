package io.faaskar.api.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A request to deploy or update a function: the body of {@code POST|PUT /system/functions}.
 * Field names are OpenFaaS's. Collections may be null in what clients send (legacy clients send
 * {@code null}); {@link #normalized()} replaces them with empty ones. The deprecated OpenFaaS
 * fields {@code network} and {@code registryAuth} are accepted and ignored.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record FunctionDeployment(
        String service,
        String image,
        String namespace,
        String envProcess,
        Map<String, String> envVars,
        List<String> constraints,
        List<String> secrets,
        Map<String, String> labels,
        Map<String, String> annotations,
        FunctionResources limits,
        FunctionResources requests,
        Boolean readOnlyRootFilesystem) {

    /** The annotation that names the provider a deployment must go to. */
    public static final String PROVIDER_ANNOTATION = "com.faaskar.provider";

    /** A copy with every null collection replaced by an empty, unmodifiable one. */
    public FunctionDeployment normalized() {
        return new FunctionDeployment(service, image, namespace, envProcess,
                envVars == null ? Map.of() : Map.copyOf(envVars),
                constraints == null ? List.of() : List.copyOf(constraints),
                secrets == null ? List.of() : List.copyOf(secrets),
                labels == null ? Map.of() : Map.copyOf(labels),
                annotations == null ? Map.of() : Map.copyOf(annotations),
                limits == null || limits.isEmpty() ? null : limits,
                requests == null || requests.isEmpty() ? null : requests,
                readOnlyRootFilesystem);
    }

    /** A copy in the given namespace. */
    public FunctionDeployment withNamespace(String ns) {
        return new FunctionDeployment(service, image, ns, envProcess, envVars, constraints, secrets,
                labels, annotations, limits, requests, readOnlyRootFilesystem);
    }

    /** A copy with the given annotations. */
    public FunctionDeployment withAnnotations(Map<String, String> newAnnotations) {
        return new FunctionDeployment(service, image, namespace, envProcess, envVars, constraints, secrets,
                labels, newAnnotations, limits, requests, readOnlyRootFilesystem);
    }

    @JsonIgnore
    public boolean readOnlyRoot() {
        return Boolean.TRUE.equals(readOnlyRootFilesystem);
    }
}
