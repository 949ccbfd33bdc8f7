package io.faaskar.core.internal.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faaskar.api.kernel.ProviderDescription;
import io.faaskar.api.model.FunctionDeployment;
import io.faaskar.api.model.FunctionRef;
import io.faaskar.api.model.FunctionStatus;
import io.faaskar.api.model.GatewayInfo;
import io.faaskar.api.model.LogMessage;
import io.faaskar.api.model.LogRequest;
import io.faaskar.api.model.Secret;
import io.faaskar.api.model.VersionInfo;
import io.faaskar.api.provider.ConflictException;
import io.faaskar.api.provider.FunctionNotFoundException;
import io.faaskar.api.provider.FunctionProviderException;
import io.faaskar.api.provider.InvalidRequestException;
import io.faaskar.api.provider.LogSink;
import io.faaskar.core.internal.FakeProvider;
import io.faaskar.core.internal.metrics.FunctionStats;
import io.faaskar.core.internal.metrics.InvocationMetrics;
import io.faaskar.core.internal.provider.ProviderRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FunctionRegistryTest {

    private static final VersionInfo VERSION = new VersionInfo(null, "unknown", "0.1.0-SNAPSHOT");

    private ProviderRegistry providers;
    private InvocationMetrics metrics;
    private FunctionRegistry registry;
    private FakeProvider local;
    private FakeProvider swarm;

    @BeforeEach
    void setUp() {
        providers = new ProviderRegistry("local");
        metrics = new InvocationMetrics();
        registry = new FunctionRegistry(providers, metrics, VERSION, 100);
        local = new FakeProvider("local");
        swarm = new FakeProvider("swarm");
        swarm.namespaces = Set.of("openfaas-fn", "team-a");
        providers.add(local);
        providers.add(swarm);
    }

    private static FunctionDeployment deployment(String name, String namespace, Map<String, String> annotations) {
        return new FunctionDeployment(name, "ghcr.io/openfaas/alpine:latest", namespace, "env", null, null, null, null,
                annotations, null, null, null);
    }

    private static FunctionDeployment deployment(String name) {
        return deployment(name, null, null);
    }

    // ---- routing

    @Test
    void deployGoesToTheDefaultProviderAndCarriesItsName() {
        assertEquals("local", registry.deploy(deployment("env")));
        assertEquals(1, local.deployed.size());
        FunctionDeployment sent = local.deployed.get(0);
        assertEquals("local", sent.annotations().get(FunctionDeployment.PROVIDER_ANNOTATION));
        assertEquals("openfaas-fn", sent.namespace());
        assertTrue(swarm.deployed.isEmpty());
    }

    @Test
    void annotationPicksTheProvider() {
        assertEquals("swarm", registry.deploy(deployment("env", "team-a", Map.of("com.faaskar.provider", "swarm", "x", "y"))));
        FunctionDeployment sent = swarm.deployed.get(0);
        assertEquals(Map.of("com.faaskar.provider", "swarm", "x", "y"), sent.annotations());
        assertEquals("team-a", sent.namespace());
    }

    @Test
    void unknownProviderIsABadRequest() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> registry.deploy(deployment("env", null, Map.of("com.faaskar.provider", "k8s"))));
        assertEquals("unknown provider 'k8s'; registered: local, swarm", e.getMessage());
    }

    @Test
    void noDefaultProviderIsAProviderFailure() {
        providers.remove(local);
        FunctionProviderException e = assertThrows(FunctionProviderException.class, () -> registry.deploy(deployment("env")));
        assertTrue(e.getMessage().contains("no default provider is registered"), e.getMessage());
    }

    // ---- validation

    @Test
    void namesMustBeDns1123Labels() {
        for (String bad : List.of("Env", "my_fn", "-env", "env-", "env.fn", "ünicode")) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> registry.deploy(deployment(bad)), bad);
            assertTrue(e.getMessage().startsWith("invalid function name '" + bad + "'"), e.getMessage());
            assertTrue(e.getMessage().contains("DNS-1123 label"), e.getMessage());
            assertTrue(e.getMessage().contains("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"), e.getMessage());
        }
        String tooLong = "a".repeat(64);
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> registry.deploy(deployment(tooLong)));
        assertTrue(e.getMessage().contains("at most 63 characters, this one has 64"), e.getMessage());
        assertEquals("service (the function name) is required",
                assertThrows(InvalidRequestException.class, () -> registry.deploy(deployment(" "))).getMessage());
        registry.deploy(deployment("a".repeat(63)));
        registry.deploy(deployment("0-ok-9"));
        assertTrue(local.deployed.size() == 2 && swarm.deployed.isEmpty());
    }

    @Test
    void namespaceMustBeServedByTheChosenProvider() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> registry.deploy(deployment("env", "team-a", null)));
        assertEquals("provider local has no namespace 'team-a'; it serves: openfaas-fn", e.getMessage());
        assertTrue(local.deployed.isEmpty());
    }

    @Test
    void nullValuesInMapsAreABadRequest() {
        Map<String, String> withNull = new java.util.HashMap<>();
        withNull.put("a", null);
        assertThrows(InvalidRequestException.class, () -> registry.deploy(deployment("env", null, withNull)));
    }

    // ---- deploy, update, remove

    @Test
    void deployConflictsWithAFunctionOnAnyProvider() {
        swarm.with("env", "openfaas-fn", 1);
        ConflictException e = assertThrows(ConflictException.class, () -> registry.deploy(deployment("env")));
        assertEquals("function env already exists in namespace openfaas-fn on provider swarm", e.getMessage());
        assertTrue(local.deployed.isEmpty());
    }

    @Test
    void deployIgnoresABrokenOtherProviderWhenCheckingConflicts() {
        swarm.failing = true;
        assertEquals("local", registry.deploy(deployment("env")));
    }

    @Test
    void updateOfAnAbsentFunctionIs404() {
        FunctionNotFoundException e = assertThrows(FunctionNotFoundException.class, () -> registry.update(deployment("env")));
        assertEquals("function env not found in namespace openfaas-fn", e.getMessage());
    }

    @Test
    void updateGoesToTheProviderThatRunsTheFunction() {
        swarm.with("env", "openfaas-fn", 1);
        assertEquals("swarm", registry.update(deployment("env")));
        assertEquals("swarm", swarm.updated.get(0).annotations().get("com.faaskar.provider"));
        assertTrue(local.updated.isEmpty());
    }

    @Test
    void updateCannotMoveAFunctionToAnotherProvider() {
        local.with("env", "openfaas-fn", 1);
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> registry.update(deployment("env", null, Map.of("com.faaskar.provider", "swarm"))));
        assertTrue(e.getMessage().startsWith("function env.openfaas-fn runs on provider local, not swarm"), e.getMessage());
        assertTrue(e.getMessage().contains("remove it and deploy it again"), e.getMessage());
        assertTrue(local.updated.isEmpty() && swarm.updated.isEmpty());
    }

    @Test
    void removeFindsTheProvider() {
        swarm.with("env", "team-a", 1);
        registry.remove(new FunctionRef("env", "team-a"));
        assertEquals(List.of("env.team-a"), swarm.removed);
        assertThrows(FunctionNotFoundException.class, () -> registry.remove(new FunctionRef("env", "team-a")));
    }

    @Test
    void unexpectedProviderErrorsAreWrappedWithContext() {
        FakeProvider broken = new FakeProvider("local") {
            @Override
            public void deploy(FunctionDeployment d) {
                throw new IllegalStateException("port 8080 in use");
            }
        };
        providers.remove(local);
        providers.add(broken);
        FunctionProviderException e = assertThrows(FunctionProviderException.class, () -> registry.deploy(deployment("env")));
        assertEquals("provider local failed to deploy env.openfaas-fn: port 8080 in use", e.getMessage());
    }

    // ---- reading

    @Test
    void listMergesProvidersAnnotatesAndSkipsABrokenOne() {
        local.with("b-fn", "openfaas-fn", 2);
        swarm.with("a-fn", "openfaas-fn", 3);
        FunctionStats stats = metrics.stats(new FunctionRef("b-fn", "openfaas-fn"));
        stats.end(200, stats.begin());
        stats.end(500, stats.begin());

        List<FunctionStatus> all = registry.list(null);
        assertEquals(List.of("a-fn", "b-fn"), all.stream().map(FunctionStatus::name).toList());
        assertEquals("swarm", all.get(0).provider());
        assertEquals("local", all.get(1).provider());
        assertEquals(2.0, all.get(1).invocationCount());
        assertEquals(0.0, all.get(0).invocationCount());

        swarm.failing = true;
        List<FunctionStatus> some = registry.list("openfaas-fn");
        assertEquals(List.of("b-fn"), some.stream().map(FunctionStatus::name).toList());
    }

    @Test
    void listOfANamespaceNobodyServesIsABadRequest() {
        swarm.with("x", "team-a", 1);
        assertEquals(1, registry.list("team-a").size());
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> registry.list("nope"));
        assertEquals("no provider serves namespace 'nope'; namespaces: openfaas-fn, team-a", e.getMessage());
    }

    @Test
    void getFindsAnyProviderAndFailsLoudlyWhenOneIsBroken() {
        swarm.with("env", "openfaas-fn", 1);
        assertEquals("swarm", registry.get(new FunctionRef("env", null)).orElseThrow().provider());
        assertTrue(registry.get(new FunctionRef("nope", null)).isEmpty());
        local.failing = true;
        assertEquals("swarm", registry.get(new FunctionRef("env", null)).orElseThrow().provider());
        FunctionProviderException e = assertThrows(FunctionProviderException.class, () -> registry.get(new FunctionRef("nope", null)));
        assertTrue(e.getMessage().startsWith("provider local failed to look up nope.openfaas-fn"), e.getMessage());
    }

    @Test
    void logsComeFromTheProviderThatRunsTheFunction() {
        swarm.with("env", "openfaas-fn", 1);
        List<LogMessage> lines = new ArrayList<>();
        registry.logs(new LogRequest("env", null, null, null, 0, false), new LogSink() {
            @Override
            public void accept(LogMessage message) {
                lines.add(message);
            }

            @Override
            public boolean isClosed() {
                return false;
            }
        });
        assertEquals("hello from swarm", lines.get(0).text());
        assertEquals("openfaas-fn", lines.get(0).namespace());
    }

    // ---- scaling

    @Test
    void scaleChecksBoundsBeforeCallingTheProvider() {
        local.with("env", "openfaas-fn", 1);
        FunctionRef env = new FunctionRef("env", null);
        assertEquals("replicas must not be negative, got -1",
                assertThrows(InvalidRequestException.class, () -> registry.scale(env, -1)).getMessage());
        assertEquals("replicas must be at most 100 (configuration maxReplicas), got 101",
                assertThrows(InvalidRequestException.class, () -> registry.scale(env, 101)).getMessage());
        InvalidRequestException zero = assertThrows(InvalidRequestException.class, () -> registry.scale(env, 0));
        assertTrue(zero.getMessage().startsWith("provider local cannot scale function env.openfaas-fn to zero"), zero.getMessage());
        assertTrue(local.scaled.isEmpty());

        registry.scale(env, 100);
        local.scaleToZero = true;
        registry.scale(env, 0);
        assertEquals(List.of("env.openfaas-fn=100", "env.openfaas-fn=0"), local.scaled);
        assertThrows(FunctionNotFoundException.class, () -> registry.scale(new FunctionRef("nope", null), 1));
    }

    // ---- platform

    @Test
    void namespacesAreTheSortedUnion() {
        local.namespaces = Set.of("openfaas-fn", "zeta");
        assertEquals(List.of("openfaas-fn", "team-a", "zeta"), registry.namespaces());
    }

    @Test
    void infoReportsTheDefaultProviderFaaskarsVersionAndGoArch() {
        GatewayInfo info = registry.info();
        assertEquals("local", info.provider().provider());
        assertEquals(VERSION, info.version());
        assertEquals(Platform.goArch(System.getProperty("os.arch")), info.arch());
        assertEquals(2, info.providers().size());

        providers.remove(local);
        GatewayInfo alone = registry.info();
        assertEquals("faaskar", alone.provider().provider());
        assertEquals(VERSION, alone.provider().version());
    }

    @Test
    void providersAreDescribedWithTheDefaultMarked() {
        List<ProviderDescription> all = registry.providers();
        assertEquals(List.of("local", "swarm"), all.stream().map(ProviderDescription::name).toList());
        assertTrue(all.get(0).isDefault());
        assertFalse(all.get(1).isDefault());
    }

    @Test
    void goArchNames() {
        assertEquals("amd64", Platform.goArch("x86_64"));
        assertEquals("amd64", Platform.goArch("amd64"));
        assertEquals("arm64", Platform.goArch("aarch64"));
        assertEquals("386", Platform.goArch("i686"));
    }

    @Test
    void versionFallsBackToUnknownSha() {
        assertEquals(new VersionInfo(null, "unknown", "1.2.3"), FaaskarVersion.of("1.2.3", null));
        assertEquals(new VersionInfo(null, "unknown", "1.2.3"), FaaskarVersion.of("1.2.3", ""));
        assertEquals(new VersionInfo(null, "abc", "1.2.3"), FaaskarVersion.of("1.2.3", "abc"));
    }

    // ---- secrets

    @Test
    void secretsGoToTheNamedOrDefaultProviderAndListingsHideValues() {
        registry.createSecret(null, new Secret("api-key", null, "s3cr3t", null));
        registry.createSecret("swarm", new Secret("token", "team-a", "t", null));
        assertEquals("s3cr3t", local.secrets.get("api-key.openfaas-fn").value());
        assertEquals(1, swarm.secrets.size());
        List<Secret> listed = registry.listSecrets(null, null);
        assertEquals(1, listed.size());
        assertNull(listed.get(0).value());
        assertThrows(InvalidRequestException.class, () -> registry.createSecret("k8s", new Secret("x", null, "v", null)));
        assertInstanceOf(RuntimeException.class,
                assertThrows(io.faaskar.api.provider.UnsupportedFeatureException.class,
                        () -> registry.updateSecret(null, new Secret("api-key", null, "v2", null))));
    }
}
