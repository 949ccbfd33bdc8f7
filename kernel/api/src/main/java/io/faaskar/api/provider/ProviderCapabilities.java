package io.faaskar.api.provider;

import java.util.Set;

/**
 * What a provider can do, so the kernel can route deployments and refuse what cannot work.
 *
 * @param operatingSystems OSes it can place replicas on ({@code linux}, {@code windows})
 * @param architectures    CPU architectures it can place replicas on ({@code amd64}, {@code arm64})
 * @param namespaces       the namespaces it serves; always contains {@code openfaas-fn}
 * @param runsImages       true when a deployment's {@code image} is what runs (container providers)
 * @param runsProcesses    true when a deployment's {@code envProcess} alone can run (the local provider)
 * @param secrets          true when it implements the secrets operations
 * @param logs             true when it implements logs
 * @param scaleToZero      true when it can keep a function at zero replicas and bring it back
 */
public record ProviderCapabilities(
        Set<String> operatingSystems,
        Set<String> architectures,
        Set<String> namespaces,
        boolean runsImages,
        boolean runsProcesses,
        boolean secrets,
        boolean logs,
        boolean scaleToZero) {

    public ProviderCapabilities {
        operatingSystems = Set.copyOf(operatingSystems);
        architectures = Set.copyOf(architectures);
        namespaces = Set.copyOf(namespaces);
    }
}
