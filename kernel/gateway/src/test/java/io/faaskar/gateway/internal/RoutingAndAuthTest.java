package io.faaskar.gateway.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoutingAndAuthTest extends SharedGatewayTest {


    @Test
    void healthzAnswersOkWithoutCredentials() throws Exception {
        HttpResponse<String> response = gateway.send(gateway.request("/healthz").GET());
        assertEquals(200, response.statusCode());
        assertEquals("OK", response.body());
    }

    @Test
    void rootRedirectsToTheUi() throws Exception {
        HttpResponse<String> response = gateway.send(gateway.request("/").GET());
        assertEquals(307, response.statusCode());
        assertEquals(Optional.of("/ui/"), response.headers().firstValue("Location"));
    }

    @Test
    void unknownPathIs404AsGorillaMuxWritesIt() throws Exception {
        HttpResponse<String> response = gateway.send(gateway.request("/nothing/here").GET());
        assertEquals(404, response.statusCode());
        assertEquals("404 page not found\n", response.body());
    }

    @Test
    void trailingSlashIsNotTheSameRoute() throws Exception {
        HttpResponse<String> response = gateway.get("/system/functions/");
        assertEquals(404, response.statusCode());
        assertTrue(gateway.functions.calls.isEmpty());
    }

    @Test
    void knownPathWithWrongMethodIs405() throws Exception {
        HttpResponse<String> response = gateway.send("PATCH", "/system/functions", "{}");
        assertEquals(405, response.statusCode());
        assertEquals("", response.body());
        String allow = response.headers().firstValue("Allow").orElse("");
        assertTrue(allow.contains("GET") && allow.contains("POST") && allow.contains("PUT") && allow.contains("DELETE"), allow);
        assertEquals(405, gateway.send(gateway.request("/healthz").POST(HttpRequest.BodyPublishers.noBody())).statusCode());
    }

    @Test
    void systemRoutesNeedCredentials() throws Exception {
        HttpResponse<String> response = gateway.send(gateway.request("/system/functions").GET());
        assertEquals(401, response.statusCode());
        assertEquals("invalid credentials\n", response.body());
        assertEquals(Optional.of("Basic realm=\"faaskar\""), response.headers().firstValue("WWW-Authenticate"));
        assertTrue(gateway.functions.calls.isEmpty());
    }

    @Test
    void wrongCredentialsAre401() throws Exception {
        String wrong = "Basic " + java.util.Base64.getEncoder().encodeToString("admin:nope".getBytes());
        assertEquals(401, gateway.send(gateway.request("/system/info").header("Authorization", wrong).GET()).statusCode());
        String garbage = "Basic %%%";
        assertEquals(401, gateway.send(gateway.request("/system/info").header("Authorization", garbage).GET()).statusCode());
        assertEquals(401, gateway.send(gateway.request("/system/logs?name=x").header("Authorization", "Bearer x").GET()).statusCode());
        assertTrue(gateway.functions.calls.isEmpty());
    }

    @Test
    void rightCredentialsPassWithAColonInThePassword() throws Exception {
        assertEquals(200, gateway.get("/system/functions").statusCode());
    }

    @Test
    void metricsOnTheGatewayPortAndOnTheMetricsPort() throws Exception {
        for (var uri : new java.net.URI[] {gateway.uri("/metrics"), gateway.metricsUri("/metrics")}) {
            HttpResponse<String> response = gateway.client.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), uri.toString());
            assertEquals(FakeMetrics.TEXT, response.body());
            assertEquals(Optional.of(FakeMetrics.CONTENT_TYPE), response.headers().firstValue("Content-Type"));
        }
    }

    @Test
    void metricsPortServesOnlyMetricsAndHealthz() throws Exception {
        HttpResponse<String> health = gateway.client.send(HttpRequest.newBuilder(gateway.metricsUri("/healthz")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        HttpResponse<String> system = gateway.client.send(HttpRequest.newBuilder(gateway.metricsUri("/system/functions"))
                .header("Authorization", TestGateway.AUTH).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, system.statusCode());
        HttpResponse<String> function = gateway.client.send(HttpRequest.newBuilder(gateway.metricsUri("/function/echo")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, function.statusCode());
        assertEquals(0, gateway.invoker.invocations);
    }

    @Test
    void noServerVersionIsAdvertised() throws Exception {
        HttpResponse<String> response = gateway.send(gateway.request("/healthz").GET());
        assertFalse(response.headers().firstValue("Server").isPresent());
    }
}
