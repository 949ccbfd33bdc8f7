package io.faaskar.provider.local.internal;

import io.faaskar.api.model.FunctionRef;
import io.faaskar.api.provider.FunctionEndpoint;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ready replicas of every function, as immutable lists published in a concurrent map: reading
 * them is a map lookup (it happens on every invocation); changes (rare) rebuild one function's list.
 */
final class EndpointSnapshot {

    private final Map<FunctionRef, Map<String, FunctionEndpoint>> ready = new HashMap<>();
    private final Map<FunctionRef, List<FunctionEndpoint>> published = new ConcurrentHashMap<>();

    List<FunctionEndpoint> get(FunctionRef function) {
        return published.getOrDefault(function, List.of());
    }

    synchronized void put(FunctionRef function, FunctionEndpoint endpoint) {
        ready.computeIfAbsent(function, f -> new TreeMap<>()).put(endpoint.instance(), endpoint);
        publish(function);
    }

    synchronized void remove(FunctionRef function, String instance) {
        Map<String, FunctionEndpoint> endpoints = ready.get(function);
        if (endpoints != null && endpoints.remove(instance) != null) {
            publish(function);
        }
    }

    synchronized void removeAll(FunctionRef function) {
        ready.remove(function);
        published.remove(function);
    }

    private void publish(FunctionRef function) {
        Map<String, FunctionEndpoint> endpoints = ready.get(function);
        if (endpoints == null || endpoints.isEmpty()) {
            ready.remove(function);
            published.remove(function);
        } else {
            published.put(function, endpoints.values().stream()
                    .sorted(Comparator.comparing(FunctionEndpoint::instance)).toList());
        }
    }
}
