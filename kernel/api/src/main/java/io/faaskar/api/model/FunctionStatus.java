package io.faaskar.api.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What runs: an item of {@code GET /system/functions} and the body of {@code GET /system/function/NAME}.
 * Providers read it back from what they run (processes, services, Deployments), never only from memory.
 * {@code replicas} is the desired count, {@code availableReplicas} the ready ones; both are always
 * written, since clients wait on them.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record FunctionStatus(
        String name,
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
        Boolean readOnlyRootFilesystem,
        @JsonInclude(JsonInclude.Include.ALWAYS) double invocationCount,
        @JsonInclude(JsonInclude.Include.ALWAYS) long replicas,
        @JsonInclude(JsonInclude.Include.ALWAYS) long availableReplicas,
        @JsonInclude(JsonInclude.Include.ALWAYS) Instant createdAt) {

    /** The status of a deployment as the provider runs it, before replica counts are known. */
    public static FunctionStatus of(FunctionDeployment d, long replicas, long availableReplicas, Instant createdAt) {
        FunctionDeployment n = d.normalized();
        return new FunctionStatus(n.service(), n.image(), n.namespace(), n.envProcess(), n.envVars(),
                n.constraints(), n.secrets(), n.labels(), n.annotations(), n.limits(), n.requests(),
                n.readOnlyRootFilesystem(), 0, replicas, availableReplicas, createdAt);
    }

    public FunctionStatus withInvocationCount(double count) {
        return new FunctionStatus(name, image, namespace, envProcess, envVars, constraints, secrets, labels,
                annotations, limits, requests, readOnlyRootFilesystem, count, replicas, availableReplicas, createdAt);
    }

    public FunctionStatus withAnnotations(Map<String, String> newAnnotations) {
        return new FunctionStatus(name, image, namespace, envProcess, envVars, constraints, secrets, labels,
                newAnnotations, limits, requests, readOnlyRootFilesystem, invocationCount, replicas,
                availableReplicas, createdAt);
    }

    /** The provider that runs this function, as the kernel records it in the annotations; null if unknown. */
    @JsonIgnore
    public String provider() {
        return annotations == null ? null : annotations.get(FunctionDeployment.PROVIDER_ANNOTATION);
    }
}
