package io.faaskar.core.internal;

import io.faaskar.api.model.FunctionDeployment;
import io.faaskar.api.model.FunctionStatus;
import io.faaskar.api.model.LogMessage;
import io.faaskar.api.model.LogRequest;
import io.faaskar.api.model.ProviderInfo;
import io.faaskar.api.model.Secret;
import io.faaskar.api.model.VersionInfo;
import io.faaskar.api.provider.ConflictException;
import io.faaskar.api.provider.FunctionEndpoint;
import io.faaskar.api.provider.FunctionNotFoundException;
import io.faaskar.api.provider.FunctionProvider;
import io.faaskar.api.provider.LogSink;
import io.faaskar.api.provider.ProviderCapabilities;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** An in-memory provider for tests: records what it was asked, can be told to fail. */
public class FakeProvider implements FunctionProvider {

    public final String name;
    public volatile Set<String> namespaces = Set.of("openfaas-fn");
    public volatile boolean scaleToZero;
    public volatile boolean failing;
    public final Map<String, FunctionStatus> functions = new ConcurrentHashMap<>();
    public final Map<String, List<FunctionEndpoint>> endpoints = new ConcurrentHashMap<>();
    public final List<FunctionDeployment> deployed = new CopyOnWriteArrayList<>();
    public final List<FunctionDeployment> updated = new CopyOnWriteArrayList<>();
    public final List<String> scaled = new CopyOnWriteArrayList<>();
    public final List<String> removed = new CopyOnWriteArrayList<>();
    public final Map<String, Secret> secrets = new ConcurrentHashMap<>();

    public FakeProvider(String name) {
        this.name = name;
    }

    public static String key(String name, String namespace) {
        return name + "." + namespace;
    }

    /** Puts a function in place as if it had been deployed earlier. */
    public FakeProvider with(String function, String namespace, long replicas) {
        FunctionDeployment d = new FunctionDeployment(function, "img", namespace, "cat", null, null, null, null, null,
                null, null, null);
        functions.put(key(function, namespace), FunctionStatus.of(d, replicas, replicas, Instant.EPOCH));
        return this;
    }

    private void maybeFail() {
        if (failing) {
            throw new IllegalStateException("backend of " + name + " is down");
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ProviderCapabilities capabilities() {
        return new ProviderCapabilities(Set.of("linux"), Set.of("amd64"), namespaces, false, true, true, true, scaleToZero);
    }

    @Override
    public ProviderInfo info() {
        return new ProviderInfo(name, "process", new VersionInfo(null, "abc", "1.0"));
    }

    @Override
    public void deploy(FunctionDeployment deployment) {
        maybeFail();
        String k = key(deployment.service(), deployment.namespace());
        if (functions.containsKey(k)) {
            throw new ConflictException("exists");
        }
        deployed.add(deployment);
        functions.put(k, FunctionStatus.of(deployment, 1, 1, Instant.EPOCH));
    }

    @Override
    public void update(FunctionDeployment deployment) {
        maybeFail();
        String k = key(deployment.service(), deployment.namespace());
        if (!functions.containsKey(k)) {
            throw new FunctionNotFoundException("not found");
        }
        updated.add(deployment);
        functions.put(k, FunctionStatus.of(deployment, 1, 1, Instant.EPOCH));
    }

    @Override
    public void remove(String function, String namespace) {
        maybeFail();
        if (functions.remove(key(function, namespace)) == null) {
            throw new FunctionNotFoundException("not found");
        }
        removed.add(key(function, namespace));
    }

    @Override
    public List<FunctionStatus> list(String namespace) {
        maybeFail();
        List<FunctionStatus> result = new ArrayList<>();
        functions.values().stream().filter(s -> namespace.equals(s.namespace())).forEach(result::add);
        return result;
    }

    @Override
    public Optional<FunctionStatus> get(String function, String namespace) {
        maybeFail();
        return Optional.ofNullable(functions.get(key(function, namespace)));
    }

    @Override
    public void scale(String function, String namespace, int replicas) {
        maybeFail();
        if (!functions.containsKey(key(function, namespace))) {
            throw new FunctionNotFoundException("not found");
        }
        scaled.add(key(function, namespace) + "=" + replicas);
    }

    @Override
    public List<FunctionEndpoint> endpoints(String function, String namespace) {
        maybeFail();
        return endpoints.getOrDefault(key(function, namespace), List.of());
    }

    @Override
    public void logs(LogRequest request, LogSink sink) {
        sink.accept(new LogMessage(request.name(), request.namespace(), "i1", Instant.EPOCH, "hello from " + name));
    }

    @Override
    public List<Secret> listSecrets(String namespace) {
        return secrets.values().stream().filter(s -> namespace.equals(s.namespace())).toList();
    }

    @Override
    public void createSecret(Secret secret) {
        secrets.put(key(secret.name(), secret.namespace()), secret);
    }
}
