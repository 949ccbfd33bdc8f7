package io.faaskar.itests.plugin.internal;

import io.faaskar.api.model.FunctionDeployment;
import io.faaskar.api.model.FunctionRef;
import io.faaskar.api.model.FunctionStatus;
import io.faaskar.api.model.ProviderInfo;
import io.faaskar.api.model.VersionInfo;
import io.faaskar.api.provider.ConflictException;
import io.faaskar.api.provider.FunctionEndpoint;
import io.faaskar.api.provider.FunctionNotFoundException;
import io.faaskar.api.provider.FunctionProvider;
import io.faaskar.api.provider.ProviderCapabilities;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;

/**
 * A provider that runs nothing: it remembers deployments in a map and has no endpoints. The
 * integration tests install this bundle at runtime to show that a provider joins and leaves the
 * kernel through the service registry alone.
 */
@Component(service = FunctionProvider.class)
public class MemoryProvider implements FunctionProvider {

    static final String NAME = "memory";

    private final Map<FunctionRef, FunctionStatus> functions = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderCapabilities capabilities() {
        return new ProviderCapabilities(Set.of("linux"), Set.of("amd64", "arm64"),
                Set.of(FunctionRef.DEFAULT_NAMESPACE), true, true, false, false, true);
    }

    @Override
    public ProviderInfo info() {
        return new ProviderInfo(NAME, "memory", new VersionInfo("in-memory test provider", "", "test"));
    }

    @Override
    public void deploy(FunctionDeployment deployment) {
        FunctionRef ref = new FunctionRef(deployment.service(), deployment.namespace());
        FunctionStatus status = FunctionStatus.of(deployment, 1, 0, Instant.now());
        if (functions.putIfAbsent(ref, status) != null) {
            throw new ConflictException("function " + ref + " exists");
        }
    }

    @Override
    public void update(FunctionDeployment deployment) {
        FunctionRef ref = new FunctionRef(deployment.service(), deployment.namespace());
        FunctionStatus old = existing(ref.name(), ref.namespace());
        functions.put(ref, FunctionStatus.of(deployment, old.replicas(), 0, old.createdAt()));
    }

    @Override
    public void remove(String name, String namespace) {
        if (functions.remove(new FunctionRef(name, namespace)) == null) {
            throw new FunctionNotFoundException("function " + name + "." + namespace + " not found");
        }
    }

    @Override
    public List<FunctionStatus> list(String namespace) {
        String ns = new FunctionRef("x", namespace).namespace();
        return functions.entrySet().stream()
                .filter(e -> e.getKey().namespace().equals(ns))
                .map(Map.Entry::getValue)
                .toList();
    }

    @Override
    public Optional<FunctionStatus> get(String name, String namespace) {
        return Optional.ofNullable(functions.get(new FunctionRef(name, namespace)));
    }

    @Override
    public void scale(String name, String namespace, int replicas) {
        FunctionStatus s = existing(name, namespace);
        functions.put(new FunctionRef(name, namespace), new FunctionStatus(s.name(), s.image(), s.namespace(),
                s.envProcess(), s.envVars(), s.constraints(), s.secrets(), s.labels(), s.annotations(), s.limits(),
                s.requests(), s.readOnlyRootFilesystem(), s.invocationCount(), replicas, 0, s.createdAt()));
    }

    @Override
    public List<FunctionEndpoint> endpoints(String name, String namespace) {
        return List.of();
    }

    private FunctionStatus existing(String name, String namespace) {
        FunctionStatus s = functions.get(new FunctionRef(name, namespace));
        if (s == null) {
            throw new FunctionNotFoundException("function " + name + "." + namespace + " not found");
        }
        return s;
    }
}
