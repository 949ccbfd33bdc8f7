package io.faaskar.core.internal.function;

import static io.faaskar.api.model.FunctionDeployment.PROVIDER_ANNOTATION;
import static io.faaskar.api.model.FunctionRef.DEFAULT_NAMESPACE;

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
import io.faaskar.api.provider.FunctionProvider;
import io.faaskar.api.provider.InvalidRequestException;
import io.faaskar.api.provider.LogSink;
import io.faaskar.api.provider.ProviderCapabilities;
import io.faaskar.core.internal.CoreConfig;
import io.faaskar.core.internal.metrics.InvocationMetrics;
import io.faaskar.core.internal.provider.ProviderCalls;
import io.faaskar.core.internal.provider.ProviderRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link FunctionService} over every registered provider: validates requests before any provider
 * sees them, routes deployments, finds which provider runs a function, and merges listings so one
 * broken provider never hides the others.
 */
@Component(service = FunctionService.class, configurationPid = CoreConfig.PID)
@Designate(ocd = CoreConfig.class)
public class FunctionRegistry implements FunctionService {

    private static final Logger LOG = LoggerFactory.getLogger(FunctionRegistry.class);

    private final ProviderRegistry providers;
    private final InvocationMetrics metrics;
    private final VersionInfo version;
    private volatile int maxReplicas;

    @Activate
    public FunctionRegistry(@Reference ProviderRegistry providers, @Reference InvocationMetrics metrics,
            BundleContext context, CoreConfig config) {
        this(providers, metrics, FaaskarVersion.of(context.getBundle()), config.maxReplicas());
    }

    public FunctionRegistry(ProviderRegistry providers, InvocationMetrics metrics, VersionInfo version, int maxReplicas) {
        this.providers = providers;
        this.metrics = metrics;
        this.version = version;
        this.maxReplicas = maxReplicas;
    }

    @Modified
    void modified(CoreConfig config) {
        maxReplicas = config.maxReplicas();
    }

    /** A provider that runs a function, with the status it reported. */
    private record Located(String name, FunctionProvider provider, FunctionStatus status) {
    }

    // ---- deployments

    @Override
    public String deploy(FunctionDeployment deployment) {
        FunctionDeployment d = prepare(deployment);
        Map.Entry<String, FunctionProvider> target = providers.route(d.annotations().get(PROVIDER_ANNOTATION));
        String name = target.getKey();
        FunctionProvider provider = target.getValue();
        requireNamespace(name, provider, d.namespace());
        FunctionRef ref = new FunctionRef(d.service(), d.namespace());
        Optional<Located> existing = locate(ref, false);
        if (existing.isPresent()) {
            throw new ConflictException("function " + d.service() + " already exists in namespace " + d.namespace()
                    + " on provider " + existing.get().name());
        }
        FunctionDeployment routed = withProviderAnnotation(d, name);
        ProviderCalls.run(name, "deploy", ref.qualified(), () -> provider.deploy(routed));
        LOG.info("Deployed function {} on provider {}", ref, name);
        return name;
    }

    @Override
    public String update(FunctionDeployment deployment) {
        FunctionDeployment d = prepare(deployment);
        FunctionRef ref = new FunctionRef(d.service(), d.namespace());
        String requested = d.annotations().get(PROVIDER_ANNOTATION);
        if (requested != null && !requested.isBlank()) {
            providers.route(requested); // an unknown name is a 400 even before the function is looked up
        }
        Located found = locate(ref, true).orElseThrow(() -> notFound(ref));
        if (requested != null && !requested.isBlank() && !requested.equals(found.name())) {
            throw new InvalidRequestException("function " + ref + " runs on provider " + found.name() + ", not "
                    + requested + "; to move it, remove it and deploy it again with " + PROVIDER_ANNOTATION + "=" + requested);
        }
        FunctionDeployment routed = withProviderAnnotation(d, found.name());
        ProviderCalls.run(found.name(), "update", ref.qualified(), () -> found.provider().update(routed));
        LOG.info("Updated function {} on provider {}", ref, found.name());
        return found.name();
    }

    @Override
    public void remove(FunctionRef function) {
        FunctionRef ref = requireRef(function);
        Located found = locate(ref, true).orElseThrow(() -> notFound(ref));
        ProviderCalls.run(found.name(), "remove", ref.qualified(), () -> found.provider().remove(ref.name(), ref.namespace()));
        LOG.info("Removed function {} from provider {}", ref, found.name());
    }

    private static FunctionDeployment prepare(FunctionDeployment deployment) {
        if (deployment == null) {
            throw new InvalidRequestException("a function deployment is required");
        }
        FunctionDeployment d;
        try {
            d = deployment.normalized();
        } catch (NullPointerException e) {
            throw new InvalidRequestException("envVars, labels, annotations, constraints and secrets must not contain null values");
        }
        FunctionNames.requireValid(d.service());
        if (d.namespace() == null || d.namespace().isBlank()) {
            d = d.withNamespace(DEFAULT_NAMESPACE);
        }
        return d;
    }

    private static FunctionDeployment withProviderAnnotation(FunctionDeployment d, String provider) {
        Map<String, String> annotations = new HashMap<>(d.annotations());
        annotations.put(PROVIDER_ANNOTATION, provider);
        return d.withAnnotations(Map.copyOf(annotations));
    }

    private static void requireNamespace(String name, FunctionProvider provider, String namespace) {
        Set<String> served = capabilities(name, provider).namespaces();
        if (!served.contains(namespace)) {
            throw new InvalidRequestException("provider " + name + " has no namespace '" + namespace + "'; it serves: "
                    + String.join(", ", new TreeSet<>(served)));
        }
    }

    private static ProviderCapabilities capabilities(String name, FunctionProvider provider) {
        return ProviderCalls.call(name, "report", "its capabilities", provider::capabilities);
    }

    // ---- reading

    @Override
    public List<FunctionStatus> list(String namespace) {
        String ns = namespaceOrDefault(namespace);
        List<FunctionStatus> result = new ArrayList<>();
        boolean served = DEFAULT_NAMESPACE.equals(ns);
        for (Map.Entry<String, FunctionProvider> e : providers.providers().entrySet()) {
            String name = e.getKey();
            try {
                if (!e.getValue().capabilities().namespaces().contains(ns)) {
                    continue;
                }
                served = true;
                for (FunctionStatus status : e.getValue().list(ns)) {
                    result.add(decorate(status, name, ns));
                }
            } catch (RuntimeException failure) {
                served = true; // it may serve the namespace; its failure is not the caller's mistake
                LOG.warn("Provider {} failed to list functions in namespace {}; listing the other providers: {}",
                        name, ns, failure.toString());
            }
        }
        if (!served && !providers.providers().isEmpty()) {
            throw new InvalidRequestException("no provider serves namespace '" + ns + "'; namespaces: "
                    + String.join(", ", namespaces()));
        }
        result.sort(Comparator.comparing(FunctionStatus::name, Comparator.nullsFirst(Comparator.naturalOrder())));
        return result;
    }

    @Override
    public Optional<FunctionStatus> get(FunctionRef function) {
        FunctionRef ref = requireRef(function);
        return locate(ref, true).map(found -> decorate(found.status(), found.name(), ref.namespace()));
    }

    private FunctionStatus decorate(FunctionStatus status, String provider, String namespace) {
        Map<String, String> annotations = status.annotations() == null ? new HashMap<>() : new HashMap<>(status.annotations());
        annotations.put(PROVIDER_ANNOTATION, provider);
        String ns = status.namespace() == null ? namespace : status.namespace();
        double count = status.name() == null ? 0 : metrics.invocationCount(new FunctionRef(status.name(), ns));
        return status.withAnnotations(Map.copyOf(annotations)).withInvocationCount(count);
    }

    /**
     * Finds the provider that runs a function. Providers that fail are skipped; when the function is
     * found nowhere and {@code strict}, the first failure is thrown rather than a misleading 404.
     */
    private Optional<Located> locate(FunctionRef ref, boolean strict) {
        RuntimeException firstFailure = null;
        for (FunctionProvider provider : providers.lookupOrder()) {
            String name = null;
            try {
                name = provider.name();
                if (!provider.capabilities().namespaces().contains(ref.namespace())) {
                    continue;
                }
                Optional<FunctionStatus> status = provider.get(ref.name(), ref.namespace());
                if (status != null && status.isPresent()) {
                    return Optional.of(new Located(name, provider, status.get()));
                }
            } catch (FunctionNotFoundException absent) {
                // a provider may say "not found" by throwing
            } catch (RuntimeException e) {
                LOG.warn("Provider {} failed to look up function {}: {}", name, ref, e.toString());
                if (firstFailure == null) {
                    firstFailure = ProviderCalls.translate(String.valueOf(name), "look up", ref.qualified(), e);
                }
            }
        }
        if (strict && firstFailure != null) {
            throw firstFailure;
        }
        return Optional.empty();
    }

    // ---- scaling and logs

    @Override
    public void scale(FunctionRef function, long replicas) {
        FunctionRef ref = requireRef(function);
        if (replicas < 0) {
            throw new InvalidRequestException("replicas must not be negative, got " + replicas);
        }
        int max = maxReplicas;
        if (replicas > max) {
            throw new InvalidRequestException("replicas must be at most " + max + " (configuration maxReplicas), got " + replicas);
        }
        Located found = locate(ref, true).orElseThrow(() -> notFound(ref));
        if (replicas == 0 && !capabilities(found.name(), found.provider()).scaleToZero()) {
            throw new InvalidRequestException("provider " + found.name() + " cannot scale function " + ref
                    + " to zero replicas; scale it to 1 or more, or remove it");
        }
        ProviderCalls.run(found.name(), "scale", ref.qualified(),
                () -> found.provider().scale(ref.name(), ref.namespace(), (int) replicas));
    }

    @Override
    public void logs(LogRequest request, LogSink sink) {
        if (request == null || request.name() == null || request.name().isBlank()) {
            throw new InvalidRequestException("the name of the function is required for logs");
        }
        FunctionRef ref = new FunctionRef(request.name(), request.namespace());
        Located found = locate(ref, true).orElseThrow(() -> notFound(ref));
        LogRequest routed = new LogRequest(ref.name(), ref.namespace(), request.instance(), request.since(),
                request.tail(), request.follow());
        ProviderCalls.run(found.name(), "read logs of", ref.qualified(), () -> found.provider().logs(routed, sink));
    }

    // ---- platform

    @Override
    public List<String> namespaces() {
        Set<String> all = new TreeSet<>();
        all.add(DEFAULT_NAMESPACE);
        providers.providers().forEach((name, provider) -> {
            try {
                all.addAll(provider.capabilities().namespaces());
            } catch (RuntimeException e) {
                LOG.warn("Provider {} failed to report its namespaces: {}", name, e.toString());
            }
        });
        return List.copyOf(all);
    }

    @Override
    public GatewayInfo info() {
        List<ProviderDescription> described = providers();
        ProviderInfo main = described.stream().filter(ProviderDescription::isDefault).findFirst()
                .map(ProviderDescription::info)
                .orElseGet(() -> new ProviderInfo("faaskar", "none", version));
        List<ProviderInfo> all = described.stream().map(ProviderDescription::info).toList();
        return new GatewayInfo(main, version, Platform.goArch(), all);
    }

    @Override
    public List<ProviderDescription> providers() {
        String defaultName = providers.defaultName();
        List<ProviderDescription> result = new ArrayList<>();
        providers.providers().forEach((name, provider) -> {
            try {
                result.add(new ProviderDescription(name, provider.info(), provider.capabilities(), name.equals(defaultName)));
            } catch (RuntimeException e) {
                LOG.warn("Provider {} failed to describe itself: {}", name, e.toString());
            }
        });
        return List.copyOf(result);
    }

    // ---- secrets

    @Override
    public List<Secret> listSecrets(String provider, String namespace) {
        Map.Entry<String, FunctionProvider> target = providers.route(provider);
        String ns = namespaceOrDefault(namespace);
        requireNamespace(target.getKey(), target.getValue(), ns);
        List<Secret> secrets = ProviderCalls.call(target.getKey(), "list secrets in", ns, () -> target.getValue().listSecrets(ns));
        return secrets.stream().map(Secret::withoutValue).toList();
    }

    @Override
    public void createSecret(String provider, Secret secret) {
        Map.Entry<String, FunctionProvider> target = providers.route(provider);
        Secret s = prepareSecret(target, secret);
        ProviderCalls.run(target.getKey(), "create secret", s.name() + "." + s.namespace(), () -> target.getValue().createSecret(s));
    }

    @Override
    public void updateSecret(String provider, Secret secret) {
        Map.Entry<String, FunctionProvider> target = providers.route(provider);
        Secret s = prepareSecret(target, secret);
        ProviderCalls.run(target.getKey(), "update secret", s.name() + "." + s.namespace(), () -> target.getValue().updateSecret(s));
    }

    @Override
    public void deleteSecret(String provider, String name, String namespace) {
        Map.Entry<String, FunctionProvider> target = providers.route(provider);
        if (name == null || name.isBlank()) {
            throw new InvalidRequestException("the name of the secret is required");
        }
        String ns = namespaceOrDefault(namespace);
        requireNamespace(target.getKey(), target.getValue(), ns);
        ProviderCalls.run(target.getKey(), "delete secret", name + "." + ns, () -> target.getValue().deleteSecret(name, ns));
    }

    private static Secret prepareSecret(Map.Entry<String, FunctionProvider> target, Secret secret) {
        if (secret == null || secret.name() == null || secret.name().isBlank()) {
            throw new InvalidRequestException("the name of the secret is required");
        }
        String ns = namespaceOrDefault(secret.namespace());
        requireNamespace(target.getKey(), target.getValue(), ns);
        return new Secret(secret.name(), ns, secret.value(), secret.rawValue());
    }

    // ---- helpers

    private static String namespaceOrDefault(String namespace) {
        return namespace == null || namespace.isBlank() ? DEFAULT_NAMESPACE : namespace;
    }

    private static FunctionRef requireRef(FunctionRef function) {
        if (function == null) {
            throw new InvalidRequestException("the name of the function is required");
        }
        return function;
    }

    private static FunctionNotFoundException notFound(FunctionRef ref) {
        return new FunctionNotFoundException("function " + ref.name() + " not found in namespace " + ref.namespace());
    }
}
