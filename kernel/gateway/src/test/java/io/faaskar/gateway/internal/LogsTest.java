package io.faaskar.gateway.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.faaskar.api.model.LogMessage;
import io.faaskar.api.model.LogRequest;
import io.faaskar.api.provider.FunctionNotFoundException;
import io.faaskar.api.provider.LogSink;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LogsTest extends SharedGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2024-01-01T10:00:00.123456789Z");

    private static LogMessage line(String text) {
        return new LogMessage("figlet", "openfaas-fn", "figlet-1", T0, text);
    }

    /** Writes two lines, then, when following, waits for the sink to close and counts down. */
    private static void twoLinesThenFollow(LogRequest request, LogSink sink, CountDownLatch closed) {
        sink.accept(line("one"));
        sink.accept(line("two"));
        if (!request.follow()) {
            return;
        }
        while (!sink.isClosed()) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        closed.countDown();
    }

    @Test
    void logsAreNdjsonOneMessagePerLine() throws Exception {
        gateway.functions.logs = (request, sink) -> twoLinesThenFollow(request, sink, new CountDownLatch(1));
        HttpResponse<String> response = gateway.get("/system/logs?name=figlet&follow=false");
        assertEquals(200, response.statusCode());
        assertEquals(Optional.of("application/x-ndjson"), response.headers().firstValue("Content-Type"));
        String[] lines = response.body().split("\n");
        assertEquals(2, lines.length);
        JsonNode first = JSON.readTree(lines[0]);
        assertEquals("figlet", first.get("name").asText());
        assertEquals("figlet-1", first.get("instance").asText());
        assertEquals("2024-01-01T10:00:00.123456789Z", first.get("timestamp").asText());
        assertEquals("one", first.get("text").asText());
        assertTrue(response.body().endsWith("\n"));
    }

    @Test
    void noLinesIsAnEmptyStream() throws Exception {
        HttpResponse<String> response = gateway.get("/system/logs?name=figlet");
        assertEquals(200, response.statusCode());
        assertEquals("", response.body());
    }

    @Test
    void queryBecomesTheLogRequest() throws Exception {
        gateway.get("/system/logs?name=figlet.team&instance=figlet-2&tail=5&follow=0&since=2024-01-01T10:00:00%2B01:00");
        LogRequest request = gateway.functions.lastLogRequest;
        assertEquals(new LogRequest("figlet", "team", "figlet-2", Instant.parse("2024-01-01T09:00:00Z"), 5, false), request);

        gateway.get("/system/logs?name=figlet&namespace=other&tail=1&tail=7");
        LogRequest last = gateway.functions.lastLogRequest;
        assertEquals("other", last.namespace());
        assertEquals(7, last.tail(), "the last value wins");
        assertNull(last.since());
        assertNull(last.instance());
    }

    @Test
    void unparsableRequestsAre422() throws Exception {
        for (String query : List.of("", "?follow=true", "?name=f&tail=x", "?name=f&follow=maybe", "?name=f&since=yesterday")) {
            HttpResponse<String> response = gateway.get("/system/logs" + query);
            assertEquals(422, response.statusCode(), query);
            assertEquals("could not parse the log request\n", response.body(), query);
        }
        assertTrue(gateway.functions.calls.isEmpty());
    }

    @Test
    void errorsBeforeTheFirstLineKeepTheirStatus() throws Exception {
        gateway.functions.logs = (request, sink) -> {
            throw new FunctionNotFoundException("function nope.openfaas-fn not found");
        };
        HttpResponse<String> response = gateway.get("/system/logs?name=nope");
        assertEquals(404, response.statusCode());
    }

    @Test
    void followStreamsUntilTheClientDisconnects() throws Exception {
        CountDownLatch sinkClosed = new CountDownLatch(1);
        gateway.functions.logs = (request, sink) -> twoLinesThenFollow(request, sink, sinkClosed);
        HttpResponse<InputStream> response = gateway.client.send(
                gateway.authed("/system/logs?name=figlet&follow=true").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertEquals("one", JSON.readTree(reader.readLine()).get("text").asText());
            assertEquals("two", JSON.readTree(reader.readLine()).get("text").asText());
            assertFalse(sinkClosed.await(50, TimeUnit.MILLISECONDS), "still following while the client reads");
        }
        assertTrue(sinkClosed.await(10, TimeUnit.SECONDS), "the sink closes once the client has gone");
    }

    @Test
    void followEndsAfterTheWriteTimeout() throws Exception {
        try (TestGateway shortTimeout = new TestGateway(TestGateway.settings(1, true))) {
            CountDownLatch sinkClosed = new CountDownLatch(1);
            shortTimeout.functions.logs = (request, sink) -> twoLinesThenFollow(request, sink, sinkClosed);
            HttpResponse<String> response = shortTimeout.get("/system/logs?name=figlet&follow=true");
            assertEquals(200, response.statusCode());
            assertEquals(2, response.body().split("\n").length);
            assertTrue(sinkClosed.await(5, TimeUnit.SECONDS));
        }
    }
}
