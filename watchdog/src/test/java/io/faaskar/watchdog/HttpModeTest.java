package io.faaskar.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpModeTest {

    @TempDir
    Path tmp;

    private HttpServer upstream;

    @AfterEach
    void stopUpstream() {
        if (upstream != null) {
            upstream.stop(0);
        }
    }

    /** A tiny function server: echoes the request, redirects, returns chosen statuses, or hangs. */
    private void startUpstream(int port) throws IOException {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        upstream.setExecutor(Executors.newCachedThreadPool());
        upstream.createContext("/", HttpModeTest::serve);
        upstream.start();
    }

    private static void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (path.equals("/redirect")) {
            exchange.getResponseHeaders().set("Location", "/elsewhere");
            exchange.sendResponseHeaders(302, -1);
        } else if (path.startsWith("/status/")) {
            exchange.sendResponseHeaders(Integer.parseInt(path.substring(8)), -1);
        } else if (path.equals("/slow")) {
            sleep(3000);
            exchange.sendResponseHeaders(200, -1);
        } else {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String reply = exchange.getRequestMethod() + " " + exchange.getRequestURI() + " custom="
                    + exchange.getRequestHeaders().getFirst("X-Custom") + " body=" + body;
            exchange.getResponseHeaders().set("X-Upstream", "yes");
            byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private TestWatchdog startProxy(int upstreamPort, String... extraEnv) throws Exception {
        String[] env = new String[6 + extraEnv.length];
        env[0] = "mode";
        env[1] = "http";
        env[2] = "fprocess";
        env[3] = "sleep 3600";
        env[4] = "upstream_url";
        env[5] = "http://127.0.0.1:" + upstreamPort;
        System.arraycopy(extraEnv, 0, env, 6, extraEnv.length);
        return TestWatchdog.start(tmp, env);
    }

    @Test
    void proxiesMethodPathQueryHeadersAndBody() throws Exception {
        int port = freePort();
        startUpstream(port);
        try (TestWatchdog wd = startProxy(port)) {
            TestWatchdog.await("upstream ready", () -> wd.status("/_/health") == 200);
            HttpResponse<String> response = TestWatchdog.send(HttpRequest.newBuilder(wd.uri("/a/b?x=1&y=%2F"))
                    .header("X-Custom", "c1")
                    .PUT(HttpRequest.BodyPublishers.ofString("payload")).build());
            assertEquals(201, response.statusCode());
            assertEquals("PUT /a/b?x=1&y=%2F custom=c1 body=payload", response.body());
            assertEquals("yes", response.headers().firstValue("X-Upstream").orElse(""));
            assertTrue(response.headers().firstValue("X-Duration-Seconds").orElseThrow().matches("\\d+\\.\\d{6}"));
        }
    }

    @Test
    void redirectsAndStatusesPassThrough() throws Exception {
        int port = freePort();
        startUpstream(port);
        try (TestWatchdog wd = startProxy(port)) {
            TestWatchdog.await("upstream ready", () -> wd.status("/_/health") == 200);
            HttpResponse<String> redirect = wd.get("/redirect");
            assertEquals(302, redirect.statusCode());
            assertEquals("/elsewhere", redirect.headers().firstValue("Location").orElse(""));
            assertEquals(418, wd.get("/status/418").statusCode());
            assertEquals(503, wd.get("/status/503").statusCode());
        }
    }

    @Test
    void execTimeoutGives504() throws Exception {
        int port = freePort();
        startUpstream(port);
        try (TestWatchdog wd = startProxy(port, "exec_timeout", "500ms")) {
            TestWatchdog.await("upstream ready", () -> wd.status("/_/health") == 200);
            HttpResponse<String> response = wd.get("/slow");
            assertEquals(504, response.statusCode());
            assertEquals("of-watchdog", response.headers().firstValue("X-OpenFaaS-Internal").orElse(""));
            assertTrue(response.headers().firstValue("X-Duration-Seconds").isPresent());
        }
    }

    @Test
    void unreachableUpstreamGives500AndStaysUnhealthy() throws Exception {
        int port = freePort();
        try (TestWatchdog wd = startProxy(port)) {
            assertEquals(503, wd.status("/_/health"));
            HttpResponse<String> response = wd.get("/anything");
            assertEquals(500, response.statusCode());
            assertEquals("of-watchdog", response.headers().firstValue("X-OpenFaaS-Internal").orElse(""));
        }
    }

    @Test
    void becomesHealthyOnceUpstreamAcceptsConnections() throws Exception {
        int port = freePort();
        try (TestWatchdog wd = startProxy(port)) {
            assertEquals(503, wd.status("/_/health"));
            startUpstream(port);
            TestWatchdog.await("upstream ready", () -> wd.status("/_/health") == 200);
            assertEquals(201, wd.get("/").statusCode());
        }
    }

    @Test
    void functionProcessExitIsFatal() throws Exception {
        int port = freePort();
        try (TestWatchdog wd = TestWatchdog.start(tmp, "mode", "http", "fprocess", "true",
                "upstream_url", "http://127.0.0.1:" + port)) {
            TestWatchdog.await("fatal error", () -> !wd.fatalMessages.isEmpty());
            assertTrue(wd.fatalMessages.get(0).startsWith("1:"), wd.fatalMessages.get(0));
            assertTrue(wd.fatalMessages.get(0).contains("exit status 0"), wd.fatalMessages.get(0));
        }
    }

    @Test
    void drainStopsTheFunctionWithoutFatalError() throws Exception {
        int port = freePort();
        startUpstream(port);
        TestWatchdog wd = startProxy(port, "healthcheck_interval", "0s");
        TestWatchdog.await("upstream ready", () -> wd.status("/_/health") == 200);
        wd.watchdog.drain();
        assertEquals(-1, wd.status("/_/health"));
        Thread.sleep(100); // the exit watcher reports the function's exit asynchronously
        assertTrue(wd.fatalMessages.isEmpty(), wd.fatalMessages.toString());
    }
}
