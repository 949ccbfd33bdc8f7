package io.faaskar.gateway.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faaskar.api.kernel.InvocationException;
import io.faaskar.api.kernel.InvocationRequest;
import io.faaskar.api.model.FunctionRef;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FunctionProxyTest extends SharedGatewayTest {


    private static String header(InvocationRequest request, String name) {
        List<String> values = request.headers().get(name);
        return values == null ? null : String.join(",", values);
    }

    @Test
    void buildsTheInvocationFromPathQueryAndHeaders() throws Exception {
        HttpResponse<String> response = gateway.send(gateway.request("/function/echo.team/sub/a%20b?x=1&y=%2F")
                .header("X-Custom", "yes").GET());
        assertEquals(200, response.statusCode());
        assertEquals("ok", response.body());

        InvocationRequest request = gateway.invoker.last;
        assertEquals(new FunctionRef("echo", "team"), request.function());
        assertEquals("GET", request.method());
        assertEquals("/sub/a%20b", request.path());
        assertEquals("x=1&y=%2F", request.rawQuery());
        assertEquals(0, request.contentLength());
        assertEquals("yes", header(request, "x-custom"), "header lookups are case-insensitive");
        assertTrue(header(request, "X-Forwarded-For").startsWith("127.0.0.1:"), header(request, "X-Forwarded-For"));
        assertEquals("127.0.0.1:" + gateway.server.port(), header(request, "X-Forwarded-Host"));
        assertTrue(header(request, "User-Agent").startsWith("Java-http-client"), "the client's User-Agent is kept");
    }

    @Test
    void userAgentIsAddedWhenAbsent() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", gateway.server.port())) {
            socket.getOutputStream().write(("GET /function/echo HTTP/1.1\r\nHost: example.com:8080\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        }
        assertEquals("faaskar-gateway/test", header(gateway.invoker.last, "User-Agent"));
        assertEquals("example.com:8080", header(gateway.invoker.last, "X-Forwarded-Host"));
    }

    @Test
    void pathIsSlashWithoutRestAndWithTrailingSlash() throws Exception {
        gateway.send(gateway.request("/function/echo").GET());
        assertEquals("/", gateway.invoker.last.path());
        assertEquals(FunctionRef.DEFAULT_NAMESPACE, gateway.invoker.last.function().namespace());
        assertNull(gateway.invoker.last.rawQuery());
        gateway.send(gateway.request("/function/echo/").GET());
        assertEquals("/", gateway.invoker.last.path());
    }

    @Test
    void anyMethodWithoutCredentials() throws Exception {
        for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")) {
            HttpResponse<String> response = gateway.send(gateway.request("/function/echo").method(method,
                    HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, response.statusCode(), method);
            assertEquals(method, gateway.invoker.last.method());
        }
    }

    @Test
    void generatedCallIdGoesUpstreamAndIsEchoed() throws Exception {
        HttpResponse<String> response = gateway.send(gateway.request("/function/echo").GET());
        String sent = header(gateway.invoker.last, "X-Call-Id");
        UUID.fromString(sent);
        assertEquals(Optional.of(sent), response.headers().firstValue("X-Call-Id"));

        String start = header(gateway.invoker.last, "X-Start-Time");
        assertTrue(Long.parseLong(start) > 1_600_000_000_000_000_000L, "epoch nanos");
        assertEquals(Optional.of(start), response.headers().firstValue("X-Start-Time"));
        assertEquals(Optional.of("faaskar/test"), response.headers().firstValue("X-Served-By"));
    }

    @Test
    void clientCallIdIsForwardedAndNotEchoed() throws Exception {
        HttpResponse<String> response = gateway.send(gateway.request("/function/echo").header("X-Call-Id", "abc-123").GET());
        assertEquals("abc-123", header(gateway.invoker.last, "X-Call-Id"));
        assertFalse(response.headers().firstValue("X-Call-Id").isPresent());
        assertTrue(response.headers().firstValue("X-Start-Time").isPresent());
    }

    @Test
    void clientForwardedForIsKept() throws Exception {
        gateway.send(gateway.request("/function/echo").header("X-Forwarded-For", "10.0.0.1:1234").GET());
        assertEquals("10.0.0.1:1234", header(gateway.invoker.last, "X-Forwarded-For"));
    }

    @Test
    void headersPassBothWaysAndHopByHopOnesAreLeftToTheInvoker() throws Exception {
        // the invoker drops hop-by-hop headers both ways (asserted in core's HttpFunctionInvokerTest)
        gateway.invoker.answer = request -> FakeInvoker.response(201, Map.of(
                "X-Result", List.of("1", "2"), "Set-Cookie", List.of("a=1; Path=/", "b=2, c"), "Content-Type", List.of("application/json")),
                "{}");
        HttpResponse<String> response = gateway.send(gateway.request("/function/echo")
                .header("X-Client", "1").GET());
        assertEquals("1", header(gateway.invoker.last, "x-client"));
        assertEquals(201, response.statusCode());
        assertEquals(List.of("1", "2"), response.headers().allValues("X-Result"));
        assertEquals(List.of("a=1; Path=/", "b=2, c"), response.headers().allValues("Set-Cookie"));
        assertEquals(Optional.of("application/json"), response.headers().firstValue("Content-Type"));
    }

    @Test
    void oneDateHeaderEvenWhenTheReplicaSendsOne() throws Exception {
        gateway.invoker.answer = request -> FakeInvoker.response(200,
                Map.of("Date", List.of("Sun, 22 Nov 2026 05:00:00 GMT")), "ok");
        HttpResponse<String> response = gateway.send(gateway.request("/function/echo").GET());
        assertEquals(1, response.headers().allValues("Date").size());
    }

    @Test
    void contentTypeDefaultsToTheRequestsThenTextPlain() throws Exception {
        HttpResponse<String> plain = gateway.send(gateway.request("/function/echo").GET());
        assertEquals(Optional.of("text/plain"), plain.headers().firstValue("Content-Type"));
        HttpResponse<String> json = gateway.send(gateway.request("/function/echo").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(Optional.of("application/json"), json.headers().firstValue("Content-Type"));
    }

    @Test
    void bodyIsStreamedWithItsLength() throws Exception {
        byte[] body = "hello function".getBytes(StandardCharsets.UTF_8);
        gateway.send(gateway.request("/function/echo").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertEquals(body.length, gateway.invoker.last.contentLength());
        assertArrayEquals(body, gateway.invoker.lastBody);
    }

    @Test
    void chunkedBodyHasUnknownLength() throws Exception {
        byte[] body = "x".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        gateway.send(gateway.request("/function/echo").POST(
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        assertEquals(-1, gateway.invoker.last.contentLength());
        assertArrayEquals(body, gateway.invoker.lastBody);
    }

    @Test
    void declaredBodyOverTheLimitIs413WithoutInvoking() throws Exception {
        byte[] body = new byte[(int) TestGateway.MAX_FUNCTION_BODY + 1];
        HttpResponse<String> response = gateway.send(gateway.request("/function/echo").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertEquals(413, response.statusCode());
        assertEquals(Optional.of("gateway"), response.headers().firstValue("X-OpenFaaS-Internal"));
        assertEquals(0, gateway.invoker.invocations);
    }

    @Test
    void chunkedBodyOverTheLimitIs413() throws Exception {
        byte[] body = new byte[(int) TestGateway.MAX_FUNCTION_BODY * 2];
        HttpResponse<String> response = gateway.send(gateway.request("/function/echo").POST(
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        assertEquals(413, response.statusCode());
        assertEquals(1, gateway.invoker.invocations);
    }

    @Test
    void invocationExceptionGivesItsStatusAsPlainText() throws Exception {
        gateway.invoker.answer = request -> {
            throw new InvocationException(503, "no ready replica for echo.openfaas-fn");
        };
        HttpResponse<String> response = gateway.send(gateway.request("/function/echo").GET());
        assertEquals(503, response.statusCode());
        assertEquals("no ready replica for echo.openfaas-fn\n", response.body());
        assertEquals(Optional.of("gateway"), response.headers().firstValue("X-OpenFaaS-Internal"));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    }

    @Test
    void redirectsArePassedThrough() throws Exception {
        FakeInvoker.Answer answer = FakeInvoker.response(302, Map.of("Location", List.of("/elsewhere")), "");
        gateway.invoker.answer = request -> answer;
        HttpResponse<String> response = gateway.send(gateway.request("/function/echo").GET());
        assertEquals(302, response.statusCode());
        assertEquals(Optional.of("/elsewhere"), response.headers().firstValue("Location"));
        assertTrue(answer.isClosed());
    }

    @Test
    void headRequestWithAnUpstreamContentLength() throws Exception {
        FakeInvoker.Answer answer = FakeInvoker.response(200, Map.of("Content-Length", List.of("42")), "");
        gateway.invoker.answer = request -> answer;
        HttpResponse<String> response = gateway.send(gateway.request("/function/echo").method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, response.statusCode());
        assertEquals(Optional.of("42"), response.headers().firstValue("Content-Length"));
        assertTrue(answer.closed.await(5, TimeUnit.SECONDS));
        gateway.invoker.reset();
        assertEquals(200, gateway.send(gateway.request("/function/echo").GET()).statusCode(), "the connection stays usable");
    }

    @Test
    void responseIsClosedWhenTheBodyFailsMidway() throws Exception {
        InputStream broken = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ < 10) {
                    return 'a';
                }
                throw new IOException("replica died");
            }
        };
        FakeInvoker.Answer answer = FakeInvoker.response(200, Map.of(), broken);
        gateway.invoker.answer = request -> answer;
        try {
            HttpResponse<String> response = gateway.send(gateway.request("/function/echo").GET());
            // the status went out before the failure; the body must not look complete
            assertEquals(200, response.statusCode());
            assertFalse(response.body().length() > 10 * 1024);
        } catch (IOException expected) {
            // truncated chunked body
        }
        assertTrue(answer.closed.await(5, TimeUnit.SECONDS));
    }

    @Test
    void streamsEachChunkAsItArrives() throws Exception {
        CountDownLatch firstSeenByClient = new CountDownLatch(1);
        AtomicBoolean clientSawFirstChunkWhileStreamOpen = new AtomicBoolean();
        InputStream slow = new InputStream() {
            private final byte[][] chunks = {"data: one\n\n".getBytes(), "data: two\n\n".getBytes()};
            private int chunk;
            private int pos;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (chunk == chunks.length) {
                    return -1;
                }
                if (chunk == 1 && pos == 0) {
                    try {
                        clientSawFirstChunkWhileStreamOpen.set(firstSeenByClient.await(10, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                int n = Math.min(len, chunks[chunk].length - pos);
                System.arraycopy(chunks[chunk], pos, b, off, n);
                pos += n;
                if (pos == chunks[chunk].length) {
                    chunk++;
                    pos = 0;
                }
                return n;
            }
        };
        FakeInvoker.Answer answer = FakeInvoker.response(200, Map.of("Content-Type", List.of("text/event-stream")), slow);
        gateway.invoker.answer = request -> answer;

        HttpResponse<InputStream> response = gateway.client.send(gateway.request("/function/sse")
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(Optional.of("text/event-stream"), response.headers().firstValue("Content-Type"));
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertEquals("data: one", reader.readLine());
            firstSeenByClient.countDown();
            assertEquals("", reader.readLine());
            assertEquals("data: two", reader.readLine());
        }
        assertTrue(clientSawFirstChunkWhileStreamOpen.get(), "the first chunk reached the client before the stream ended");
        assertTrue(answer.closed.await(5, TimeUnit.SECONDS));
    }

    @Test
    void responseIsClosedWhenTheClientGoesAway() throws Exception {
        AtomicReference<FakeInvoker.Answer> answer = new AtomicReference<>();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                return len;
            }
        };
        answer.set(FakeInvoker.response(200, Map.of(), endless));
        gateway.invoker.answer = request -> answer.get();
        HttpResponse<InputStream> response = gateway.client.send(gateway.request("/function/endless").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            assertEquals('x', in.read());
        }
        assertTrue(answer.get().closed.await(10, TimeUnit.SECONDS), "an abandoned invocation is closed");
    }
}
