package io.faaskar.core.internal.provider;

import io.faaskar.api.provider.FunctionProvider;
import io.faaskar.api.provider.FunctionProviderException;
import io.faaskar.api.provider.InvalidRequestException;
import io.faaskar.core.internal.CoreConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider whiteboard: every {@link FunctionProvider} service, keyed by its name, and the routing
 * rule (annotation, else the configured default). Providers come and go at runtime; readers see an
 * immutable snapshot, so the invocation path takes no lock.
 */
@Component(service = ProviderRegistry.class, configurationPid = CoreConfig.PID, immediate = true)
public class ProviderRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);

    /** A bound provider with what decides between two providers of the same name. */
    private record Registration(String name, FunctionProvider provider, int ranking, long serviceId) {
        boolean beats(Registration other) {
            return ranking != other.ranking ? ranking > other.ranking : serviceId < other.serviceId;
        }
    }

    private final List<Registration> registrations = new ArrayList<>();
    private volatile Map<String, FunctionProvider> byName = Map.of();
    private volatile String defaultName;
    private long nextLocalId = Long.MAX_VALUE / 2;

    /** For tests and plain-Java use; in OSGi the configuration sets the default. */
    public ProviderRegistry(String defaultProvider) {
        this.defaultName = defaultProvider;
    }

    @Activate
    public ProviderRegistry(CoreConfig config) {
        this(config.defaultProvider());
    }

    @Modified
    void modified(CoreConfig config) {
        defaultName = config.defaultProvider();
    }

    @Reference(service = FunctionProvider.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindProvider(FunctionProvider provider, Map<String, Object> properties) {
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        Object id = properties.get(Constants.SERVICE_ID);
        add(provider, ranking instanceof Integer r ? r : 0, id instanceof Long l ? l : -1);
    }

    void unbindProvider(FunctionProvider provider) {
        remove(provider);
    }

    public void add(FunctionProvider provider) {
        add(provider, 0, -1);
    }

    private void add(FunctionProvider provider, int ranking, long serviceId) {
        String name;
        try {
            name = provider.name();
        } catch (RuntimeException e) {
            LOG.warn("Ignoring a function provider whose name() failed: {}", e.toString());
            return;
        }
        if (name == null || name.isBlank()) {
            LOG.warn("Ignoring a function provider without a name: {}", provider.getClass().getName());
            return;
        }
        synchronized (registrations) {
            long id = serviceId >= 0 ? serviceId : nextLocalId++;
            registrations.add(new Registration(name, provider, ranking, id));
            republish();
        }
        LOG.info("Function provider '{}' registered", name);
    }

    public void remove(FunctionProvider provider) {
        String name = null;
        synchronized (registrations) {
            for (var it = registrations.iterator(); it.hasNext(); ) {
                Registration r = it.next();
                if (r.provider() == provider) {
                    name = r.name();
                    it.remove();
                }
            }
            republish();
        }
        if (name != null) {
            LOG.info("Function provider '{}' unregistered", name);
        }
    }

    private void republish() {
        Map<String, Registration> winners = new TreeMap<>();
        for (Registration r : registrations) {
            Registration current = winners.get(r.name());
            if (current == null || r.beats(current)) {
                if (current != null) {
                    LOG.warn("Two function providers are named '{}'; using the one with the higher service ranking", r.name());
                }
                winners.put(r.name(), r);
            }
        }
        Map<String, FunctionProvider> next = new TreeMap<>();
        winners.forEach((name, r) -> next.put(name, r.provider()));
        byName = Collections.unmodifiableMap(next);
    }

    /** Every provider by name, sorted by name. */
    public Map<String, FunctionProvider> providers() {
        return byName;
    }

    public Optional<FunctionProvider> get(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    public String defaultName() {
        return defaultName;
    }

    public Optional<FunctionProvider> defaultProvider() {
        return get(defaultName);
    }

    /** Providers in lookup order: the default first, then the others by name. */
    public List<FunctionProvider> lookupOrder() {
        Map<String, FunctionProvider> snapshot = byName;
        List<FunctionProvider> order = new ArrayList<>(snapshot.size());
        FunctionProvider preferred = snapshot.get(defaultName);
        if (preferred != null) {
            order.add(preferred);
        }
        snapshot.forEach((name, p) -> {
            if (p != preferred) {
                order.add(p);
            }
        });
        return order;
    }

    /**
     * The provider a deployment goes to: the one named (the {@code com.faaskar.provider} annotation),
     * else the default.
     */
    public Map.Entry<String, FunctionProvider> route(String requested) {
        if (requested != null && !requested.isBlank()) {
            FunctionProvider p = byName.get(requested);
            if (p == null) {
                throw new InvalidRequestException("unknown provider '" + requested + "'; registered: " + registeredNames());
            }
            return Map.entry(requested, p);
        }
        return Map.entry(defaultName, requireDefault());
    }

    /** The default provider, or a 5xx saying it is missing. */
    public FunctionProvider requireDefault() {
        FunctionProvider p = byName.get(defaultName);
        if (p == null) {
            throw new FunctionProviderException("no default provider is registered: provider '" + defaultName
                    + "' (configuration defaultProvider) is not running; registered: " + registeredNames());
        }
        return p;
    }

    public String registeredNames() {
        Map<String, FunctionProvider> snapshot = byName;
        return snapshot.isEmpty() ? "none" : String.join(", ", snapshot.keySet());
    }
}
