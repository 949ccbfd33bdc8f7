package io.faaskar.core.internal.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faaskar.api.provider.ConflictException;
import io.faaskar.api.provider.FunctionProviderException;
import io.faaskar.api.provider.InvalidRequestException;
import io.faaskar.core.internal.FakeProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderRegistryTest {

    private final ProviderRegistry registry = new ProviderRegistry("local");
    private final FakeProvider local = new FakeProvider("local");
    private final FakeProvider swarm = new FakeProvider("swarm");

    @Test
    void routesByAnnotationElseToTheDefault() {
        registry.add(local);
        registry.add(swarm);
        assertSame(swarm, registry.route("swarm").getValue());
        assertEquals("swarm", registry.route("swarm").getKey());
        assertSame(local, registry.route(null).getValue());
        assertSame(local, registry.route("  ").getValue());
    }

    @Test
    void unknownProviderNamesTheRegisteredOnes() {
        registry.add(swarm);
        registry.add(local);
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> registry.route("k8s"));
        assertEquals("unknown provider 'k8s'; registered: local, swarm", e.getMessage());
    }

    @Test
    void missingDefaultIsAProviderFailure() {
        registry.add(swarm);
        FunctionProviderException e = assertThrows(FunctionProviderException.class, () -> registry.route(null));
        assertTrue(e.getMessage().startsWith("no default provider is registered: provider 'local'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("registered: swarm"), e.getMessage());
    }

    @Test
    void providersComeAndGoWithoutDisturbingOthers() {
        registry.add(local);
        registry.add(swarm);
        registry.remove(swarm);
        assertEquals(List.of("local"), List.copyOf(registry.providers().keySet()));
        assertFalse(registry.get("swarm").isPresent());
        assertSame(local, registry.route(null).getValue());
        registry.add(swarm);
        assertSame(swarm, registry.route("swarm").getValue());
    }

    @Test
    void higherRankingWinsANameClashAndTheOtherTakesOverWhenItLeaves() {
        FakeProvider first = new FakeProvider("local");
        FakeProvider second = new FakeProvider("local");
        registry.bindProvider(first, Map.of("service.ranking", 0, "service.id", 10L));
        registry.bindProvider(second, Map.of("service.ranking", 5, "service.id", 11L));
        assertSame(second, registry.route(null).getValue());
        registry.unbindProvider(second);
        assertSame(first, registry.route(null).getValue());
    }

    @Test
    void lookupOrderPutsTheDefaultFirst() {
        FakeProvider alpha = new FakeProvider("alpha");
        registry.add(swarm);
        registry.add(alpha);
        registry.add(local);
        assertEquals(List.of(local, alpha, swarm), registry.lookupOrder());
    }

    @Test
    void providerFailuresAreWrappedApiExceptionsPassThrough() {
        RuntimeException wrapped = ProviderCalls.translate("local", "deploy", "f.openfaas-fn", new IllegalStateException("disk full"));
        assertInstanceOf(FunctionProviderException.class, wrapped);
        assertEquals("provider local failed to deploy f.openfaas-fn: disk full", wrapped.getMessage());
        ConflictException conflict = new ConflictException("exists");
        assertSame(conflict, ProviderCalls.translate("local", "deploy", "f", conflict));
    }
}
