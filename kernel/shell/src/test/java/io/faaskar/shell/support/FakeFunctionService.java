package io.faaskar.shell.support;

import io.faaskar.api.kernel.FunctionService;
import io.faaskar.api.kernel.ProviderDescription;
import io.faaskar.api.model.FunctionDeployment;
import io.faaskar.api.model.FunctionRef;
import io.faaskar.api.model.FunctionStatus;
import io.faaskar.api.model.GatewayInfo;
import io.faaskar.api.model.LogMessage;
import io.faaskar.api.model.LogRequest;
import io.faaskar.api.model.Secret;
import io.faaskar.api.provider.ConflictException;
import io.faaskar.api.provider.FunctionNotFoundException;
import io.faaskar.api.provider.LogSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory FunctionService that records the calls the shell makes. */
public class FakeFunctionService implements FunctionService {

    public final Map<FunctionRef, FunctionStatus> functions = new LinkedHashMap<>();
    public final List<String> calls = new ArrayList<>();
    public final List<ProviderDescription> providers = new ArrayList<>();
    public final List<LogMessage> logLines = new ArrayList<>();
    public String provider = "local";
    /** When set, update throws it (to test what the deployer does with other 404s). */
    public RuntimeException updateFailure;

    @Override
    public String deploy(FunctionDeployment d) {
        calls.add("deploy " + d.service());
        FunctionRef ref = new FunctionRef(d.service(), d.namespace());
        if (functions.containsKey(ref)) {
            throw new ConflictException("function " + ref + " already exists");
        }
        store(d);
        return providerOf(d);
    }

    @Override
    public String update(FunctionDeployment d) {
        calls.add("update " + d.service());
        if (updateFailure != null) {
            throw updateFailure;
        }
        FunctionRef ref = new FunctionRef(d.service(), d.namespace());
        if (!functions.containsKey(ref)) {
            throw new FunctionNotFoundException("function " + ref + " not found");
        }
        store(d);
        return providerOf(d);
    }

    private void store(FunctionDeployment d) {
        Map<String, String> annotations = new HashMap<>(d.normalized().annotations());
        annotations.put(FunctionDeployment.PROVIDER_ANNOTATION, providerOf(d));
        FunctionStatus status = FunctionStatus.of(d, 1, 1, Instant.parse("2024-05-01T12:00:00Z"))
                .withAnnotations(annotations);
        functions.put(new FunctionRef(d.service(), d.namespace()), status);
    }

    private String providerOf(FunctionDeployment d) {
        String p = d.annotations() == null ? null : d.annotations().get(FunctionDeployment.PROVIDER_ANNOTATION);
        return p != null ? p : provider;
    }

    @Override
    public void remove(FunctionRef function) {
        calls.add("remove " + function);
        if (functions.remove(function) == null) {
            throw new FunctionNotFoundException("function " + function + " not found");
        }
    }

    @Override
    public List<FunctionStatus> list(String namespace) {
        return functions.entrySet().stream().filter(e -> e.getKey().namespace().equals(namespace))
                .map(Map.Entry::getValue).toList();
    }

    @Override
    public Optional<FunctionStatus> get(FunctionRef function) {
        return Optional.ofNullable(functions.get(function));
    }

    @Override
    public void scale(FunctionRef function, long replicas) {
        calls.add("scale " + function + " " + replicas);
        if (!functions.containsKey(function)) {
            throw new FunctionNotFoundException("function " + function + " not found");
        }
    }

    @Override
    public void logs(LogRequest request, LogSink sink) {
        calls.add("logs " + request);
        logLines.forEach(sink::accept);
    }

    @Override
    public List<String> namespaces() {
        List<String> namespaces = new ArrayList<>(List.of(FunctionRef.DEFAULT_NAMESPACE));
        functions.keySet().stream().map(FunctionRef::namespace).distinct()
                .filter(ns -> !namespaces.contains(ns)).forEach(namespaces::add);
        return namespaces;
    }

    @Override
    public GatewayInfo info() {
        return null;
    }

    @Override
    public List<ProviderDescription> providers() {
        return providers;
    }

    @Override
    public List<Secret> listSecrets(String provider, String namespace) {
        return List.of();
    }

    @Override
    public void createSecret(String provider, Secret secret) {
    }

    @Override
    public void updateSecret(String provider, Secret secret) {
    }

    @Override
    public void deleteSecret(String provider, String name, String namespace) {
    }
}
