package io.faaskar.gateway.internal;

import io.faaskar.api.kernel.FunctionService;
import io.faaskar.api.kernel.ProviderDescription;
import io.faaskar.api.model.FunctionDeployment;
import io.faaskar.api.model.FunctionRef;
import io.faaskar.api.model.FunctionStatus;
import io.faaskar.api.model.GatewayInfo;
import io.faaskar.api.model.LogRequest;
import io.faaskar.api.model.ProviderInfo;
import io.faaskar.api.model.Secret;
import io.faaskar.api.model.VersionInfo;
import io.faaskar.api.provider.ConflictException;
import io.faaskar.api.provider.FunctionNotFoundException;
import io.faaskar.api.provider.LogSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/** An in-memory kernel: functions and secrets in maps, every call recorded. */
final class FakeFunctionService implements FunctionService {

    static final Instant CREATED = Instant.parse("2024-01-02T03:04:05.123456789Z");

    final Map<FunctionRef, FunctionStatus> functions = new ConcurrentHashMap<>();
    final Map<String, Secret> secrets = new ConcurrentHashMap<>();
    final List<String> calls = new ArrayList<>();
    volatile FunctionDeployment lastDeployment;
    volatile FunctionRef lastRef;
    volatile long lastReplicas = -1;
    volatile String lastProvider;
    volatile String lastNamespace;
    volatile LogRequest lastLogRequest;
    volatile BiConsumer<LogRequest, LogSink> logs = (request, sink) -> { };
    /** When set, every call throws what it supplies. */
    volatile Supplier<RuntimeException> failure;

    void reset() {
        functions.clear();
        secrets.clear();
        synchronized (calls) {
            calls.clear();
        }
        lastDeployment = null;
        lastRef = null;
        lastReplicas = -1;
        lastProvider = null;
        lastNamespace = null;
        lastLogRequest = null;
        logs = (request, sink) -> { };
        failure = null;
    }

    void add(String name, String namespace) {
        FunctionDeployment d = new FunctionDeployment(name, "img/" + name, namespace, "cat", null, null, null,
                Map.of("app", name), null, null, null, null);
        functions.put(new FunctionRef(name, namespace), FunctionStatus.of(d, 1, 1, CREATED));
    }

    private void call(String what) {
        synchronized (calls) {
            calls.add(what);
        }
        Supplier<RuntimeException> f = failure;
        if (f != null) {
            throw f.get();
        }
    }

    @Override
    public String deploy(FunctionDeployment deployment) {
        call("deploy");
        lastDeployment = deployment;
        FunctionRef ref = new FunctionRef(deployment.service(), deployment.namespace());
        if (functions.containsKey(ref)) {
            throw new ConflictException("function " + ref + " already exists");
        }
        functions.put(ref, FunctionStatus.of(deployment, 1, 0, CREATED));
        return "fake";
    }

    @Override
    public String update(FunctionDeployment deployment) {
        call("update");
        lastDeployment = deployment;
        FunctionRef ref = new FunctionRef(deployment.service(), deployment.namespace());
        if (!functions.containsKey(ref)) {
            throw new FunctionNotFoundException("function " + ref + " not found");
        }
        functions.put(ref, FunctionStatus.of(deployment, 1, 1, CREATED));
        return "fake";
    }

    @Override
    public void remove(FunctionRef function) {
        call("remove");
        lastRef = function;
        if (functions.remove(function) == null) {
            throw new FunctionNotFoundException("function " + function + " not found");
        }
    }

    @Override
    public List<FunctionStatus> list(String namespace) {
        call("list");
        lastNamespace = namespace;
        return functions.values().stream().filter(f -> f.namespace().equals(namespace)).toList();
    }

    @Override
    public Optional<FunctionStatus> get(FunctionRef function) {
        call("get");
        lastRef = function;
        return Optional.ofNullable(functions.get(function));
    }

    @Override
    public void scale(FunctionRef function, long replicas) {
        call("scale");
        lastRef = function;
        lastReplicas = replicas;
        if (!functions.containsKey(function)) {
            throw new FunctionNotFoundException("function " + function + " not found");
        }
    }

    @Override
    public void logs(LogRequest request, LogSink sink) {
        call("logs");
        lastLogRequest = request;
        logs.accept(request, sink);
    }

    @Override
    public List<String> namespaces() {
        call("namespaces");
        return List.of(FunctionRef.DEFAULT_NAMESPACE);
    }

    @Override
    public GatewayInfo info() {
        call("info");
        return new GatewayInfo(new ProviderInfo("local", "process", new VersionInfo(null, "abc", "0.1.0")),
                new VersionInfo("msg", "def", "0.1.0"), "amd64");
    }

    @Override
    public List<ProviderDescription> providers() {
        return List.of();
    }

    @Override
    public List<Secret> listSecrets(String provider, String namespace) {
        call("listSecrets");
        lastProvider = provider;
        lastNamespace = namespace;
        return secrets.values().stream().filter(s -> s.namespace().equals(namespace)).toList();
    }

    @Override
    public void createSecret(String provider, Secret secret) {
        call("createSecret");
        lastProvider = provider;
        if (secrets.putIfAbsent(secret.name(), secret) != null) {
            throw new ConflictException("secret " + secret.name() + " already exists");
        }
    }

    @Override
    public void updateSecret(String provider, Secret secret) {
        call("updateSecret");
        lastProvider = provider;
        if (secrets.replace(secret.name(), secret) == null) {
            throw new FunctionNotFoundException("secret " + secret.name() + " not found");
        }
    }

    @Override
    public void deleteSecret(String provider, String name, String namespace) {
        call("deleteSecret");
        lastProvider = provider;
        lastNamespace = namespace;
        if (secrets.remove(name) == null) {
            throw new FunctionNotFoundException("secret " + name + " not found");
        }
    }
}
