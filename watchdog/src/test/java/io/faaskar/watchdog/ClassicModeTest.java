package io.faaskar.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassicModeTest {

    @TempDir
    Path tmp;

    @Test
    void catEchoesTheBodyWithDuration() throws Exception {
        try (TestWatchdog wd = TestWatchdog.start(tmp, "fprocess", "cat")) {
            HttpResponse<String> response = wd.post("/", "hello watchdog");
            assertEquals(200, response.statusCode());
            assertEquals("hello watchdog", response.body());
            String duration = response.headers().firstValue("X-Duration-Seconds").orElseThrow();
            assertTrue(duration.matches("\\d+\\.\\d{6}"), duration);
        }
    }

    @Test
    void requestIsDescribedInHttpVariables() throws Exception {
        try (TestWatchdog wd = TestWatchdog.start(tmp, "fprocess", "env")) {
            HttpResponse<String> response = wd.post("/sub/path?a=1&b=x%20y", "{}",
                    "Content-Type", "application/json", "X-Custom", "custom-value");
            assertEquals(200, response.statusCode());
            List<String> lines = Arrays.asList(response.body().split("\n"));
            assertTrue(lines.contains("Http_Method=POST"), response.body());
            assertTrue(lines.contains("Http_Path=/sub/path"), response.body());
            assertTrue(lines.contains("Http_Query=a=1&b=x%20y"), response.body());
            assertTrue(lines.contains("Http_Content_Type=application/json"), response.body());
            assertTrue(lines.contains("Http_X_Custom=custom-value"), response.body());
            assertTrue(lines.contains("Http_Content_Length=2"), response.body());
            assertTrue(lines.contains("Http_ContentLength=2"), response.body());
            assertTrue(lines.contains("Http_Host=127.0.0.1:" + wd.watchdog.port()), response.body());
            assertFalse(response.body().contains("Http_Transfer_Encoding"), response.body());
        }
    }

    @Test
    void chunkedRequestHasContentLengthMinusOne() throws Exception {
        try (TestWatchdog wd = TestWatchdog.start(tmp, "fprocess", "env")) {
            HttpRequest request = HttpRequest.newBuilder(wd.uri("/"))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[10])))
                    .build();
            HttpResponse<String> response = TestWatchdog.send(request);
            List<String> lines = Arrays.asList(response.body().split("\n"));
            assertTrue(lines.contains("Http_Content_Length=-1"), response.body());
            assertTrue(lines.contains("Http_Transfer_Encoding=chunked"), response.body());
        }
    }

    @Test
    void withoutCgiHeadersNoHttpVariables() throws Exception {
        try (TestWatchdog wd = TestWatchdog.start(tmp, "fprocess", "env", "cgi_headers", "false")) {
            HttpResponse<String> response = wd.get("/?q=1");
            assertEquals(200, response.statusCode());
            assertFalse(response.body().contains("Http_Method="), response.body());
        }
    }

    @Test
    void largeBodyStreamsWithoutDeadlock() throws Exception {
        byte[] body = new byte[8 * 1024 * 1024];
        Arrays.fill(body, (byte) 'x');
        try (TestWatchdog wd = TestWatchdog.start(tmp, "fprocess", "cat")) {
            HttpResponse<byte[]> response = TestWatchdog.CLIENT.send(
                    HttpRequest.newBuilder(wd.uri("/")).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode());
            assertTrue(Arrays.equals(body, response.body()));
        }
    }

    @Test
    void nonZeroExitGives500WithExitStatus() throws Exception {
        try (TestWatchdog wd = TestWatchdog.start(tmp, "fprocess", "false")) {
            HttpResponse<String> response = wd.post("/", "");
            assertEquals(500, response.statusCode());
            assertEquals("exit status 1\n", response.body());
        }
    }

    @Test
    void unknownCommandGives500() throws Exception {
        try (TestWatchdog wd = TestWatchdog.start(tmp, "fprocess", "/no/such/binary")) {
            assertEquals(500, wd.post("/", "").statusCode());
        }
    }

    @Test
    void execTimeoutKillsTheProcess() throws Exception {
        try (TestWatchdog wd = TestWatchdog.start(tmp, "fprocess", "sleep 5", "exec_timeout", "500ms")) {
            HttpResponse<String> response = wd.post("/", "");
            assertEquals(408, response.statusCode());
            assertEquals("Killed process.\n", response.body());
        }
    }

    @Test
    void maxInflightRejectsTheExcessRequest() throws Exception {
        try (TestWatchdog wd = TestWatchdog.start(tmp, "fprocess", "sleep 1", "max_inflight", "1")) {
            CompletableFuture<HttpResponse<String>> first = TestWatchdog.CLIENT.sendAsync(
                    HttpRequest.newBuilder(wd.uri("/")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            TestWatchdog.await("first request in flight", () -> wd.status("/_/ready") == 429);
            HttpResponse<String> second = wd.post("/", "");
            assertEquals(429, second.statusCode());
            assertEquals("Concurrent request limit exceeded. Max concurrent requests: 1\n", second.body());
            assertEquals("faas-middleware", second.headers().firstValue("X-OpenFaaS-Internal").orElse(""));
            assertEquals(200, first.get().statusCode());
            assertEquals(200, wd.status("/_/ready"));
        }
    }

    @Test
    void unsupportedMethodsGive405() throws Exception {
        try (TestWatchdog wd = TestWatchdog.start(tmp, "fprocess", "cat")) {
            for (String method : List.of("PROPFIND", "OPTIONS", "HEAD")) {
                HttpResponse<String> response = TestWatchdog.send(HttpRequest.newBuilder(wd.uri("/"))
                        .method(method, HttpRequest.BodyPublishers.noBody()).build());
                assertEquals(405, response.statusCode(), method);
            }
            for (String method : List.of("GET", "PUT", "PATCH", "DELETE")) {
                HttpResponse<String> response = TestWatchdog.send(HttpRequest.newBuilder(wd.uri("/"))
                        .method(method, HttpRequest.BodyPublishers.ofString("m")).build());
                assertEquals(200, response.statusCode(), method);
            }
        }
    }

    @Test
    void combinedOutputIncludesStderr() throws Exception {
        try (TestWatchdog wd = TestWatchdog.start(tmp, "fprocess", "cat /no-such-file /dev/stdin")) {
            HttpResponse<String> response = wd.post("/", "body");
            assertEquals(500, response.statusCode());
            assertTrue(response.body().startsWith("exit status 1\n"), response.body());
            assertTrue(response.body().contains("/no-such-file"), response.body());
            assertTrue(response.body().endsWith("body"), response.body());
        }
    }

    @Test
    void separateOutputKeepsStderrOutOfTheResponse() throws Exception {
        try (TestWatchdog wd = TestWatchdog.start(tmp, "fprocess", "cat /no-such-file /dev/stdin",
                "combine_output", "false")) {
            HttpResponse<String> response = wd.post("/", "body");
            assertEquals(500, response.statusCode());
            assertEquals("exit status 1\nbody", response.body());
        }
    }

    @Test
    void contentTypeIsForcedOrEchoed() throws Exception {
        try (TestWatchdog forced = TestWatchdog.start(tmp, "fprocess", "cat", "content_type", "application/json")) {
            HttpResponse<String> response = forced.post("/", "{}", "Content-Type", "text/plain");
            assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        }
        try (TestWatchdog echo = TestWatchdog.start(tmp, "fprocess", "cat")) {
            HttpResponse<String> response = echo.post("/", "a,b", "Content-Type", "text/csv");
            assertEquals("text/csv", response.headers().firstValue("Content-Type").orElse(""));
            HttpResponse<String> sniffed = echo.get("/");
            assertEquals("text/plain; charset=utf-8", sniffed.headers().firstValue("Content-Type").orElse(""));
        }
    }

    @Test
    void marshalRequestSendsJsonOnStdin() throws Exception {
        try (TestWatchdog wd = TestWatchdog.start(tmp, "fprocess", "cat", "marshal_request", "true")) {
            HttpResponse<String> response = wd.post("/", "hello", "X-Custom", "<v>");
            assertEquals(200, response.statusCode());
            String expectedBody = java.util.Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8));
            assertTrue(response.body().startsWith("{\"header\":{"), response.body());
            assertTrue(response.body().contains("\"X-Custom\":[\"\\u003cv\\u003e\"]"), response.body());
            assertTrue(response.body().endsWith("\"body\":{\"raw\":\"" + expectedBody + "\"}}"), response.body());
        }
    }
}
