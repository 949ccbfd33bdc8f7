package io.faaskar.gateway.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayLifecycleTest {

    private static GatewayComponent.Config config(int port, int metricsPort) {
        return TestConfig.of(port, metricsPort);
    }

    @Test
    void environmentOverridesHostAndPort() {
        GatewaySettings settings = GatewaySettings.from(config(8080, 8082),
                Map.of("FAASKAR_GATEWAY_HOST", "0.0.0.0", "FAASKAR_GATEWAY_PORT", "9999"));
        assertEquals("0.0.0.0", settings.host());
        assertEquals(9999, settings.port());
        assertTrue(settings.metricsEnabled());
        assertEquals(8082, settings.metricsPort());
    }

    @Test
    void badPortInTheEnvironmentIsIgnored() {
        GatewaySettings settings = GatewaySettings.from(config(8080, 8082), Map.of("FAASKAR_GATEWAY_PORT", "eighty"));
        assertEquals(8080, settings.port());
        assertEquals("127.0.0.1", settings.host());
    }

    @Test
    void metricsPortZeroOrNegativeDisablesTheMetricsListener() {
        assertFalse(GatewaySettings.from(config(8080, 0), Map.of()).metricsEnabled());
        assertFalse(GatewaySettings.from(config(8080, -1), Map.of()).metricsEnabled());
    }

    @Test
    void outOfRangePortIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> GatewaySettings.from(config(70000, 0), Map.of()));
    }

    @Test
    void portInUseFailsCleanlyNamingAddressAndSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            GatewaySettings settings = new GatewaySettings("127.0.0.1", taken.getLocalPort(), true, 0, 1024, 1024, 5, 5, true);
            TestGateway[] started = new TestGateway[1];
            GatewayStartException e = assertThrows(GatewayStartException.class, () -> started[0] = new TestGateway(settings));
            assertTrue(e.getMessage().contains("127.0.0.1:" + taken.getLocalPort()), e.getMessage());
            assertTrue(e.getMessage().contains("FAASKAR_GATEWAY_PORT"), e.getMessage());
            assertTrue(e.getMessage().contains("etc/io.faaskar.gateway.cfg"), e.getMessage());
        }
    }

    @Test
    void metricsPortInUseLeavesNothingOpen() throws Exception {
        int gatewayPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            gatewayPort = probe.getLocalPort();
        }
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            GatewaySettings settings = new GatewaySettings("127.0.0.1", gatewayPort, true, taken.getLocalPort(), 1024, 1024, 5, 5, true);
            GatewayStartException e = assertThrows(GatewayStartException.class, () -> new TestGateway(settings));
            assertTrue(e.getMessage().contains("metricsPort"), e.getMessage());
        }
        try (ServerSocket again = new ServerSocket(gatewayPort, 1, InetAddress.getByName("127.0.0.1"))) {
            assertEquals(gatewayPort, again.getLocalPort(), "the gateway port was released");
        }
    }

    @Test
    void authCanBeDisabledAndMetricsListenerOmitted() throws Exception {
        GatewaySettings settings = new GatewaySettings("127.0.0.1", 0, false, 0, 1024, 1024, 5, 5, false);
        try (TestGateway open = new TestGateway(settings)) {
            assertEquals(-1, open.server.metricsPort());
            HttpResponse<String> response = open.send(open.request("/system/functions").GET());
            assertEquals(200, response.statusCode());
            assertEquals(200, open.send(open.request("/metrics").GET()).statusCode());
        }
    }

    @Test
    void stopReleasesThePort() throws Exception {
        TestGateway gateway = new TestGateway();
        int port = gateway.server.port();
        gateway.close();
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertEquals(port, again.getLocalPort());
        }
    }
}
