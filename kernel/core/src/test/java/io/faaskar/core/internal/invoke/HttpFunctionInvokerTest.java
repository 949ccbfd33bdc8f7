package io.faaskar.core.internal.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faaskar.api.kernel.InvocationException;
import io.faaskar.api.kernel.InvocationRequest;
import io.faaskar.api.kernel.InvocationResponse;
import io.faaskar.api.model.FunctionRef;
import io.faaskar.api.provider.FunctionEndpoint;
import io.faaskar.api.scaling.FunctionMetrics;
import io.faaskar.core.internal.FakeProvider;
import io.faaskar.core.internal.Replica;
import io.faaskar.core.internal.metrics.InvocationMetrics;
import io.faaskar.core.internal.provider.ProviderRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpFunctionInvokerTest {

    private static final FunctionRef ECHO = new FunctionRef("echo", "openfaas-fn");

    private final List<Replica> replicas = new ArrayList<>();
    private ProviderRegistry providers;
    private InvocationMetrics metrics;
    private FakeProvider local;
    private HttpFunctionInvoker invoker;

    @BeforeEach
    void setUp() {
        providers = new ProviderRegistry("local");
        metrics = new InvocationMetrics();
        local = new FakeProvider("local");
        providers.add(local);
        invoker = new HttpFunctionInvoker(providers, metrics, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    @AfterEach
    void tearDown() {
        invoker.close();
        replicas.forEach(Replica::close);
    }

    private Replica replica(String name) throws IOException {
        Replica r = new Replica(name);
        replicas.add(r);
        return r;
    }

    private void serve(FunctionRef fn, FunctionEndpoint... endpoints) {
        local.with(fn.name(), fn.namespace(), endpoints.length);
        local.endpoints.put(FakeProvider.key(fn.name(), fn.namespace()), List.of(endpoints));
    }

    private static InvocationRequest get(FunctionRef fn, String path, String query, Map<String, List<String>> headers) {
        return new InvocationRequest(fn, "GET", path, query, headers, InputStream.nullInputStream(), 0);
    }

    private static String readAndClose(InvocationResponse response) throws IOException {
        try (response) {
            return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String header(InvocationResponse response, String name) {
        List<String> values = response.headers().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    // ---- balancing

    @Test
    void idleReplicasShareTrafficAndABusyOneIsAvoided() throws Exception {
        Replica a = replica("a");
        Replica b = replica("b");
        serve(ECHO, a.endpoint(), b.endpoint());

        for (int i = 0; i < 10; i++) {
            readAndClose(invoker.invoke(get(ECHO, "/", null, Map.of())));
        }
        assertTrue(a.requests.get() > 0 && b.requests.get() > 0, "a=" + a.requests + " b=" + b.requests);

        // hold a response of replica a open: it stays in flight until closed
        InvocationResponse held = null;
        List<InvocationResponse> others = new ArrayList<>();
        while (held == null) {
            InvocationResponse r = invoker.invoke(get(ECHO, "/", null, Map.of()));
            if ("a".equals(r.instance())) {
                held = r;
            } else {
                others.add(r);
            }
        }
        for (InvocationResponse r : others) {
            readAndClose(r);
        }
        assertEquals(1, invoker.inFlight(a.uri()));
        int aBefore = a.requests.get();
        int bBefore = b.requests.get();
        for (int i = 0; i < 10; i++) {
            InvocationResponse r = invoker.invoke(get(ECHO, "/", null, Map.of()));
            assertEquals("b", r.instance());
            readAndClose(r);
        }
        assertEquals(aBefore, a.requests.get());
        assertEquals(bBefore + 10, b.requests.get());

        // one left open on b too; once a's is closed, b is the busier one and a takes the next
        InvocationResponse onB = invoker.invoke(get(ECHO, "/", null, Map.of()));
        assertEquals("b", onB.instance());
        held.close();
        assertEquals(0, invoker.inFlight(a.uri()));
        InvocationResponse next = invoker.invoke(get(ECHO, "/", null, Map.of()));
        assertEquals("a", next.instance());
        readAndClose(onB);
        readAndClose(next);
        assertEquals(0, invoker.inFlight(a.uri()) + invoker.inFlight(b.uri()));
    }

    // ---- forwarding

    @Test
    void forwardsPathQueryBodyAndEndToEndHeadersOnly() throws Exception {
        Replica a = replica("a");
        serve(ECHO, a.endpoint());
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("X-Custom", List.of("one", "two"));
        headers.put("Content-Type", List.of("text/plain"));
        headers.put("Connection", List.of("keep-alive, X-Hop"));
        headers.put("X-Hop", List.of("hop"));
        headers.put("Keep-Alive", List.of("timeout=5"));
        headers.put("Proxy-Authorization", List.of("Basic Zm9vOmJhcg=="));
        headers.put("Proxy-Connection", List.of("keep-alive"));
        headers.put("Te", List.of("trailers"));
        headers.put("Trailer", List.of("X-Sum"));
        headers.put("Upgrade", List.of("websocket"));
        headers.put("Host", List.of("gateway:8080"));
        headers.put("Expect", List.of("100-continue"));
        headers.put("Content-Length", List.of("5"));
        byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
        InvocationResponse response = invoker.invoke(new InvocationRequest(ECHO, "POST", "/sub/path", "a=1&b=%20x",
                headers, new ByteArrayInputStream(body), body.length));

        assertEquals(200, response.status());
        assertEquals("POST", header(response, "X-Method"));
        assertEquals("/sub/path", header(response, "X-Path"));
        assertEquals("a=1&b=%20x", header(response, "X-Query"));
        assertEquals("5", header(response, "X-Body-Length"));
        assertEquals("a:hello", readAndClose(response));

        Map<String, List<String>> seen = a.receivedHeaders.get(0);
        assertEquals(List.of("one", "two"), seen.get("X-custom"));
        assertEquals(List.of("text/plain"), seen.get("Content-type"));
        for (String dropped : List.of("X-hop", "Keep-alive", "Proxy-authorization", "Proxy-connection", "Te", "Trailer",
                "Upgrade", "Expect")) {
            assertNull(seen.get(dropped), dropped + " must not reach the replica");
        }
        assertFalse(seen.get("Host").get(0).startsWith("gateway"), "Host is the replica's");
    }

    @Test
    void caseInsensitiveHeaderMapWithoutConnectionHeaderIsForwarded() throws Exception {
        // the gateway hands over a case-insensitive TreeMap, which refuses lookups of a null key
        Replica a = replica("a");
        serve(ECHO, a.endpoint());
        Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("x-custom", List.of("one"));
        InvocationResponse response = invoker.invoke(get(ECHO, "/", null, headers));

        assertEquals(200, response.status());
        readAndClose(response);
        assertEquals(List.of("one"), a.receivedHeaders.get(0).get("X-custom"));
    }

    @Test
    void bodyOfUnknownLengthIsStreamedChunked() throws Exception {
        Replica a = replica("a");
        serve(ECHO, a.endpoint());
        byte[] body = "x".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        InvocationResponse response = invoker.invoke(new InvocationRequest(ECHO, "PUT", "/", null, Map.of(),
                new ByteArrayInputStream(body), -1));
        assertEquals("100000", header(response, "X-Body-Length"));
        assertEquals("chunked", header(response, "X-Transfer-Encoding"));
        assertEquals(100_002, readAndClose(response).length());
    }

    @Test
    void responseHopByHopHeadersAreDroppedAndBodyStreams() throws Exception {
        Replica a = replica("a");
        CountDownLatch secondPart = new CountDownLatch(1);
        a.routes.put("/stream", exchange -> {
            exchange.getResponseHeaders().add("Keep-Alive", "timeout=5");
            exchange.getResponseHeaders().add("X-Kept", "yes");
            exchange.sendResponseHeaders(200, 0); // chunked
            exchange.getResponseBody().write("first;".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            try {
                secondPart.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseBody().write("second".getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        serve(ECHO, a.endpoint());
        InvocationResponse response = invoker.invoke(get(ECHO, "/stream", null, Map.of()));
        assertEquals("yes", header(response, "X-Kept"));
        assertNull(header(response, "Keep-Alive"));
        assertNull(header(response, "Transfer-Encoding"));
        byte[] first = response.body().readNBytes(6); // arrives before the replica finishes
        assertEquals("first;", new String(first, StandardCharsets.UTF_8));
        secondPart.countDown();
        assertEquals("second", readAndClose(response));
    }

    @Test
    void largeBodyOfKnownLengthIsStreamedWithItsLength() throws Exception {
        Replica a = replica("a");
        serve(ECHO, a.endpoint());
        byte[] body = "y".repeat(200_000).getBytes(StandardCharsets.UTF_8);
        InvocationResponse response = invoker.invoke(new InvocationRequest(ECHO, "PUT", "/", null, Map.of(),
                new ByteArrayInputStream(body), body.length));
        assertEquals("200000", header(response, "X-Body-Length"));
        assertEquals("", header(response, "X-Transfer-Encoding"));
        assertEquals(200_002, readAndClose(response).length());
        assertEquals(List.of("200000"), a.receivedHeaders.get(0).get("Content-length"));
    }

    @Test
    void theClientAddsNoHeaderAndKeepsNoCookieOfItsOwn() throws Exception {
        Replica a = replica("a");
        a.routes.put("/cookie", exchange -> {
            exchange.getResponseHeaders().add("Set-Cookie", "session=1; Path=/");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        serve(ECHO, a.endpoint());
        InvocationResponse first = invoker.invoke(get(ECHO, "/cookie", null, Map.of()));
        assertEquals(List.of("session=1; Path=/"), first.headers().get("Set-Cookie"));
        readAndClose(first);
        byte[] body = "x".getBytes(StandardCharsets.UTF_8);
        readAndClose(invoker.invoke(new InvocationRequest(ECHO, "POST", "/", null, Map.of(),
                new ByteArrayInputStream(body), body.length)));

        for (Map<String, List<String>> seen : a.receivedHeaders) {
            for (String absent : List.of("Cookie", "User-agent", "Accept-encoding", "Content-type")) {
                assertNull(seen.get(absent), absent + " was added: " + seen);
            }
        }
    }

    @Test
    void encodedAnswersAndChallengesPassThroughUntouched() throws Exception {
        Replica a = replica("a");
        byte[] compressed = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3};
        a.routes.put("/encoded", exchange -> {
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, compressed.length);
            try (var out = exchange.getResponseBody()) {
                out.write(compressed);
            }
        });
        byte[] page = "u".repeat(50_000).getBytes(StandardCharsets.UTF_8);
        a.routes.put("/private", exchange -> {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"fn\"");
            exchange.sendResponseHeaders(401, page.length);
            try (var out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        serve(ECHO, a.endpoint());

        try (InvocationResponse encoded = invoker.invoke(get(ECHO, "/encoded", null, Map.of("Accept-Encoding", List.of("gzip"))))) {
            assertEquals("gzip", header(encoded, "Content-Encoding"));
            assertEquals(List.of("gzip"), a.receivedHeaders.get(0).get("Accept-encoding"));
            assertTrue(java.util.Arrays.equals(compressed, encoded.body().readAllBytes()));
        }
        InvocationResponse challenge = invoker.invoke(get(ECHO, "/private", null, Map.of()));
        assertEquals(401, challenge.status());
        assertEquals("Basic realm=\"fn\"", header(challenge, "WWW-Authenticate"));
        assertEquals(50_000, readAndClose(challenge).length());
        assertEquals(2, a.requests.get());
    }

    @Test
    void closingAnUnfinishedAnswerEndsTheInvocation() throws Exception {
        Replica a = replica("a");
        CountDownLatch finish = new CountDownLatch(1);
        a.routes.put("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("part;".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            try {
                finish.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        serve(ECHO, a.endpoint());
        try {
            InvocationResponse response = invoker.invoke(get(ECHO, "/endless", null, Map.of()));
            assertEquals("part;", new String(response.body().readNBytes(5), StandardCharsets.UTF_8));
            response.close();
            assertEquals(0, invoker.inFlight(a.uri()));
            assertEquals(0, metrics.metrics(ECHO).inFlight());
            assertEquals(1, metrics.metrics(ECHO).invocations());
        } finally {
            finish.countDown();
        }
        assertEquals("a:", readAndClose(invoker.invoke(get(ECHO, "/", null, Map.of()))));
    }

    @Test
    void redirectsAreReturnedNotFollowed() throws Exception {
        Replica a = replica("a");
        a.routes.put("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/elsewhere");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        serve(ECHO, a.endpoint());
        InvocationResponse response = invoker.invoke(get(ECHO, "/moved", null, Map.of()));
        assertEquals(302, response.status());
        assertEquals("/elsewhere", header(response, "Location"));
        readAndClose(response);
        assertEquals(1, a.requests.get());
    }

    // ---- failures

    @Test
    void unknownFunctionIs404() {
        InvocationException e = assertThrows(InvocationException.class, () -> invoker.invoke(get(ECHO, "/", null, Map.of())));
        assertEquals(404, e.status());
        assertEquals("function echo.openfaas-fn not found", e.getMessage());
        assertEquals(FunctionMetrics.IDLE, metrics.metrics(ECHO));
    }

    @Test
    void knownFunctionWithoutReadyReplicaIs503() {
        local.with("echo", "openfaas-fn", 0);
        InvocationException e = assertThrows(InvocationException.class, () -> invoker.invoke(get(ECHO, "/", null, Map.of())));
        assertEquals(503, e.status());
        assertEquals("No endpoints available for: echo.openfaas-fn", e.getMessage());
    }

    @Test
    void unreachableReplicaIs502() throws Exception {
        serve(ECHO, new FunctionEndpoint("dead", deadAddress()));
        InvocationException e = assertThrows(InvocationException.class, () -> invoker.invoke(get(ECHO, "/", null, Map.of())));
        assertEquals(502, e.status());
        assertEquals("Can't reach service for: echo.openfaas-fn", e.getMessage());
        assertEquals(0, metrics.metrics(ECHO).inFlight());
        assertEquals(0, invoker.inFlight(deadAddress0));
    }

    @Test
    void aFailedConnectIsRetriedOnAnotherReplica() throws Exception {
        Replica a = replica("a");
        serve(ECHO, new FunctionEndpoint("dead", deadAddress()), a.endpoint());
        for (int i = 0; i < 6; i++) {
            InvocationResponse r = invoker.invoke(get(ECHO, "/", null, Map.of()));
            assertEquals("a", r.instance());
            readAndClose(r);
        }
        assertEquals(6, a.requests.get());
    }

    @Test
    void slowReplicaIs504() throws Exception {
        HttpFunctionInvoker impatient = new HttpFunctionInvoker(providers, metrics, Duration.ofSeconds(2), Duration.ofMillis(300));
        Replica a = replica("a");
        CountDownLatch release = new CountDownLatch(1);
        a.routes.put("/slow", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        serve(ECHO, a.endpoint());
        try {
            InvocationException e = assertThrows(InvocationException.class, () -> impatient.invoke(get(ECHO, "/slow", null, Map.of())));
            assertEquals(504, e.status());
            assertTrue(e.getMessage().contains("echo.openfaas-fn"), e.getMessage());
        } finally {
            release.countDown();
            impatient.close();
        }
    }

    // ---- counters

    @Test
    void countersFollowInvocations() throws Exception {
        Replica a = replica("a");
        a.routes.put("/fail", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        serve(ECHO, a.endpoint());
        readAndClose(invoker.invoke(get(ECHO, "/", null, Map.of())));
        readAndClose(invoker.invoke(get(ECHO, "/", null, Map.of())));
        InvocationResponse open = invoker.invoke(get(ECHO, "/fail", null, Map.of()));
        FunctionMetrics during = metrics.metrics(ECHO);
        assertEquals(1, during.inFlight());
        assertEquals(2, during.invocations());
        open.close();
        open.close(); // closing twice counts once
        FunctionMetrics after = metrics.metrics(ECHO);
        assertEquals(0, after.inFlight());
        assertEquals(3, after.invocations());
        assertTrue(after.secondsSinceLastInvocation() >= 0);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.writePrometheus(out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("gateway_function_invocation_total{code=\"200\",function_name=\"echo.openfaas-fn\"} 2"), text);
        assertTrue(text.contains("gateway_function_invocation_total{code=\"500\",function_name=\"echo.openfaas-fn\"} 1"), text);
        assertTrue(text.contains("gateway_functions_seconds_count{code=\"200\",function_name=\"echo.openfaas-fn\"} 2"), text);
        assertTrue(text.contains("gateway_function_invocation_started{function_name=\"echo.openfaas-fn\"} 3"), text);
    }

    @Test
    void targetJoinsBasePathAndQuery() {
        assertEquals(URI.create("http://h:1/a/b?x=1"), HttpFunctionInvoker.target(URI.create("http://h:1/"), "/a/b", "x=1"));
        assertEquals(URI.create("http://h:1/"), HttpFunctionInvoker.target(URI.create("http://h:1"), "", null));
        assertEquals(URI.create("http://h:1/p"), HttpFunctionInvoker.target(URI.create("http://h:1"), "p", ""));
    }

    private URI deadAddress0;

    /** An address where nothing listens: a port just released. */
    private URI deadAddress() throws IOException {
        if (deadAddress0 == null) {
            try (ServerSocket s = new ServerSocket(0)) {
                deadAddress0 = URI.create("http://127.0.0.1:" + s.getLocalPort());
            }
        }
        return deadAddress0;
    }
}
