package io.faaskar.shell.support;

import io.faaskar.api.model.FunctionDeployment;
import io.faaskar.api.model.FunctionResources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * What {@code faas:deploy}'s options add to a deployment, with faas-cli's precedence over a stack file:
 * {@code --env}, {@code --label}, {@code --annotation} win over the file's values, {@code --secret}s are
 * added to the file's, {@code --constraint}s apply only when the file has none, {@code --namespace} wins,
 * {@code --readonly} or the file's {@code true} makes the root filesystem read-only, {@code --provider}
 * sets the {@code com.faaskar.provider} annotation, and each resource option replaces that one resource.
 */
public record DeployFlags(
        String namespace,
        Map<String, String> env,
        Map<String, String> labels,
        Map<String, String> annotations,
        List<String> constraints,
        List<String> secrets,
        String provider,
        boolean readOnly,
        FunctionResources limits,
        FunctionResources requests) {

    public static final DeployFlags NONE = new DeployFlags(null, Map.of(), Map.of(), Map.of(), List.of(), List.of(),
            null, false, null, null);

    public DeployFlags {
        env = env == null ? Map.of() : env;
        labels = labels == null ? Map.of() : labels;
        annotations = annotations == null ? Map.of() : annotations;
        constraints = constraints == null ? List.of() : constraints;
        secrets = secrets == null ? List.of() : secrets;
    }

    public FunctionDeployment applyTo(FunctionDeployment d) {
        Map<String, String> envVars = merge(d.envVars(), env);
        Map<String, String> newLabels = merge(d.labels(), labels);
        Map<String, String> newAnnotations = merge(d.annotations(), annotations);
        if (provider != null && !provider.isBlank()) {
            newAnnotations.put(FunctionDeployment.PROVIDER_ANNOTATION, provider);
        }
        List<String> newConstraints = d.constraints() != null && !d.constraints().isEmpty()
                ? d.constraints() : constraints;
        LinkedHashSet<String> newSecrets = new LinkedHashSet<>();
        if (d.secrets() != null) {
            newSecrets.addAll(d.secrets());
        }
        newSecrets.addAll(secrets);
        String ns = namespace != null && !namespace.isBlank() ? namespace : d.namespace();
        Boolean readOnlyRoot = readOnly || d.readOnlyRoot() ? Boolean.TRUE : d.readOnlyRootFilesystem();
        return new FunctionDeployment(d.service(), d.image(), ns, d.envProcess(), envVars,
                List.copyOf(newConstraints), new ArrayList<>(newSecrets), newLabels, newAnnotations,
                override(d.limits(), limits), override(d.requests(), requests), readOnlyRoot);
    }

    private static Map<String, String> merge(Map<String, String> base, Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>();
        if (base != null) {
            merged.putAll(base);
        }
        merged.putAll(overrides);
        return merged;
    }

    private static FunctionResources override(FunctionResources base, FunctionResources flags) {
        if (flags == null || flags.isEmpty()) {
            return base;
        }
        if (base == null) {
            return flags;
        }
        return new FunctionResources(
                flags.memory() != null ? flags.memory() : base.memory(),
                flags.cpu() != null ? flags.cpu() : base.cpu(),
                base.nvidiaGpu(), base.amdGpu(), base.intelGpu());
    }
}
