package io.faaskar.gateway.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

/** The DS lifecycle without a framework: SCR's calls made by hand. */
class GatewayComponentTest {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static BundleContext context() {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getVersion")) {
                        return Version.parseVersion("1.2.3");
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getBundle") && args == null) {
                        return bundle;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static GatewayComponent activate(TestConfig config) {
        return new GatewayComponent(new FakeFunctionService(), new FakeInvoker(), new FakeMetrics(), new FakeAdmin(),
                context(), config);
    }

    private int status(int port, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void activateModifyDeactivate() throws Exception {
        GatewayComponent component = activate(TestConfig.of(0, 0));
        int first = component.port();
        assertEquals(401, status(first, "/system/info"));
        HttpResponse<String> invoked = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + first + "/function/f"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("faaskar/1.2.3", invoked.headers().firstValue("X-Served-By").orElse(""));

        component.modified(new TestConfig("127.0.0.1", 0, 0, false));
        int second = component.port();
        assertEquals(200, status(second, "/system/info"), "restarted with auth off");

        component.modified(new TestConfig("127.0.0.1", 0, 0, false));
        assertEquals(second, component.port(), "unchanged settings keep the running server");

        component.deactivate();
        assertEquals(-1, component.port());
    }

    @Test
    void modificationToABusyPortKeepsThePreviousSettings() throws Exception {
        GatewayComponent component = activate(TestConfig.of(0, 0));
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            component.modified(TestConfig.of(taken.getLocalPort(), 0));
            assertTrue(component.port() > 0 && component.port() != taken.getLocalPort());
            assertEquals(200, status(component.port(), "/healthz"));
        } finally {
            component.deactivate();
        }
    }

    @Test
    void busyPortFailsActivation() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThrows(GatewayStartException.class, () -> activate(TestConfig.of(taken.getLocalPort(), 0)));
        }
    }
}
