package io.faaskar.shell.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faaskar.api.kernel.ProviderDescription;
import io.faaskar.api.model.FunctionDeployment;
import io.faaskar.api.model.FunctionRef;
import io.faaskar.api.model.FunctionResources;
import io.faaskar.api.model.FunctionStatus;
import io.faaskar.api.model.ProviderInfo;
import io.faaskar.api.model.VersionInfo;
import io.faaskar.api.provider.ProviderCapabilities;
import io.faaskar.api.scaling.FunctionMetrics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RowsAndDetailsTest {

    private static final Instant CREATED = Instant.parse("2024-05-01T12:00:00Z");

    private static FunctionStatus status(String name, String ns, String image, String fprocess, long desired,
            long ready, double invocations, String provider) {
        return new FunctionStatus(name, image, ns, fprocess, Map.of("A", "1"), List.of(), List.of("s1"),
                Map.of("com.openfaas.scale.min", "1"),
                provider == null ? Map.of() : Map.of(FunctionDeployment.PROVIDER_ANNOTATION, provider),
                FunctionResources.of("128Mi", null), null, null, invocations, desired, ready, CREATED);
    }

    @Test
    void functionRowsAreSortedAndShowImageOrProcess() {
        List<FunctionStatus> statuses = List.of(
                status("zeta", "openfaas-fn", null, "cat", 2, 1, 7, "local"),
                status("alpha", "openfaas-fn", "ghcr.io/acme/alpha:1", "ignored", 1, 1, 0, "swarm"),
                status("beta", "dev", null, null, 0, 0, 0, null));

        List<FunctionRows.Row> rows = FunctionRows.of(statuses, ref -> null);

        assertEquals(List.of(
                new FunctionRows.Row("beta", "-", "dev", "-", "0/0", 0),
                new FunctionRows.Row("alpha", "swarm", "openfaas-fn", "ghcr.io/acme/alpha:1", "1/1", 0),
                new FunctionRows.Row("zeta", "local", "openfaas-fn", "cat", "1/2", 7)), rows);
        assertEquals(List.of("zeta", "local", "openfaas-fn", "cat", "1/2", 7L), rows.get(2).cells());
    }

    @Test
    void invocationsTakeTheKernelsCountWhenItIsHigher() {
        FunctionStatus s = status("fn", "openfaas-fn", null, "cat", 1, 1, 3, "local");
        FunctionMetrics m = new FunctionMetrics(10, 1.5, 2, 0.02, -1, 4);
        assertEquals(10, FunctionRows.of(List.of(s), ref -> ref.equals(new FunctionRef("fn", null)) ? m : null)
                .get(0).invocations());
    }

    @Test
    void providerRowsListCapabilitiesAndDefault() {
        ProviderDescription local = new ProviderDescription("local",
                new ProviderInfo("local", "process", new VersionInfo(null, "abc", "0.1.0")),
                new ProviderCapabilities(Set.of("linux"), Set.of("amd64"), Set.of("openfaas-fn", "dev"),
                        false, true, false, true, true), true);
        ProviderDescription swarm = new ProviderDescription("swarm", new ProviderInfo("swarm", "swarm", null),
                new ProviderCapabilities(Set.of("windows", "linux"), Set.of(), Set.of("openfaas-fn"),
                        true, false, true, true, false), false);

        List<ProviderRows.Row> rows = ProviderRows.of(List.of(swarm, local));

        assertEquals(new ProviderRows.Row("local", "process", "0.1.0", "yes", "linux", "dev,openfaas-fn",
                "processes,logs,scale-to-zero"), rows.get(0));
        assertEquals(new ProviderRows.Row("swarm", "swarm", "-", "no", "linux,windows", "openfaas-fn",
                "images,secrets,logs"), rows.get(1));
    }

    @Test
    void detailsShowEveryFieldAndTheMetrics() {
        FunctionStatus s = status("fn", "openfaas-fn", null, "cat", 2, 1, 3, "local");
        FunctionMetrics m = new FunctionMetrics(5, 2.5, 1, 0.0125, -1, -1);

        String text = FunctionDetails.format(FunctionDetails.lines(s, m));

        for (String expected : List.of("Name:", " fn\n", "Provider:", " local\n", "Status:", " Ready\n",
                "Replicas:", " 2\n", "Available replicas:", " 1\n", "Invocations:", " 5\n",
                "Function process:", " cat\n", "Created:", " 2024-05-01T12:00:00Z\n", "Environment:", " A=1\n",
                "Secrets:", " s1\n", "Limits:", " memory=128Mi\n", "Requests:", "Read-only root filesystem:",
                "Requests per second:", " 2.50\n", "In flight:", "Mean latency:", " 0.013 s\n",
                "Last invocation:", " never\n")) {
            assertTrue(text.contains(expected), () -> "missing " + expected + " in\n" + text);
        }
        // values are aligned in one column
        assertEquals(1, text.lines().map(l -> l.indexOf(l.substring(l.indexOf(':') + 1).strip())).distinct().count(), text);
    }

    @Test
    void detailsWithoutMetricsLeaveThemOut() {
        String text = FunctionDetails.format(FunctionDetails.lines(status("fn", "ns", "img", null, 0, 0, 0, null), null));
        assertTrue(text.contains("Not Ready"), text);
        assertFalse(text.contains("In flight"), text);
    }

    @Test
    void detailsAsJsonKeepTheGatewayFieldNamesAndAddProviderAndMetrics() throws Exception {
        FunctionStatus s = status("fn", "openfaas-fn", null, "cat", 2, 1, 3, "local");
        JsonNode json = Json.MAPPER.readTree(Json.pretty(FunctionDetails.json(s, new FunctionMetrics(5, 2.5, 1, 0.01, -1, 3))));
        assertEquals("fn", json.get("name").asText());
        assertEquals("cat", json.get("envProcess").asText());
        assertEquals(2, json.get("replicas").asInt());
        assertEquals(1, json.get("availableReplicas").asInt());
        assertEquals("2024-05-01T12:00:00Z", json.get("createdAt").asText());
        assertEquals("{\"memory\":\"128Mi\"}", json.get("limits").toString());
        assertEquals("local", json.get("provider").asText());
        assertEquals(2.5, json.get("metrics").get("requestsPerSecond").asDouble());
        assertEquals(1, json.get("metrics").get("inFlight").asInt());
    }
}
