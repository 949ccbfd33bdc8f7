package io.faaskar.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthTest {

    @TempDir
    Path tmp;

    @Test
    void healthyWithLockFile() throws Exception {
        try (TestWatchdog wd = TestWatchdog.start(tmp, "fprocess", "cat")) {
            assertTrue(Files.exists(tmp.resolve(".lock")));
            HttpResponse<String> health = wd.get("/_/health");
            assertEquals(200, health.statusCode());
            assertEquals("OK", health.body());
            assertEquals(200, wd.status("/_/ready"));
            HttpResponse<String> post = wd.post("/_/health", "");
            assertEquals(405, post.statusCode());
            assertEquals(405, wd.post("/_/ready", "").statusCode());
        }
    }

    @Test
    void missingLockFileMeans503() throws Exception {
        try (TestWatchdog wd = TestWatchdog.start(tmp, "fprocess", "cat")) {
            Files.delete(tmp.resolve(".lock"));
            assertEquals(503, wd.status("/_/health"));
            assertEquals(503, wd.status("/_/ready"));
        }
    }

    @Test
    void suppressedLockIsNeitherWrittenNorRequired() throws Exception {
        try (TestWatchdog wd = TestWatchdog.start(tmp, "fprocess", "cat", "suppress_lock", "true")) {
            assertFalse(Files.exists(tmp.resolve(".lock")));
            assertEquals(200, wd.status("/_/health"));
        }
    }

    @Test
    void unwritableLockDirectoryIsFatal() {
        IOException error = assertThrows(IOException.class,
                () -> TestWatchdog.start(tmp.resolve("missing-dir"), "fprocess", "cat"));
        assertTrue(error.getMessage().contains(".lock"), error.getMessage());
    }

    @Test
    void drainTurnsUnhealthyRemovesLockAndFinishesInflight() throws Exception {
        TestWatchdog wd = TestWatchdog.start(tmp, "fprocess", "sleep 1", "healthcheck_interval", "300ms",
                "write_timeout", "10s");
        CompletableFuture<HttpResponse<String>> slow = TestWatchdog.CLIENT.sendAsync(
                HttpRequest.newBuilder(wd.uri("/")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        Thread drain = new Thread(wd.watchdog::drain);
        drain.start();
        TestWatchdog.await("unhealthy", () -> wd.status("/_/health") == 503);
        assertFalse(Files.exists(tmp.resolve(".lock")));
        drain.join(10_000);
        assertFalse(drain.isAlive(), "drain finished");
        assertEquals(200, slow.get().statusCode(), "in-flight request completed during drain");
        assertEquals(-1, wd.status("/_/health"), "server stopped");
    }

    @Test
    void drainWithZeroIntervalEndsPromptly() throws Exception {
        TestWatchdog wd = TestWatchdog.start(tmp, "fprocess", "cat", "healthcheck_interval", "0s");
        assertEquals(200, wd.status("/_/health"));
        wd.watchdog.drain();
        assertFalse(Files.exists(tmp.resolve(".lock")));
        assertEquals(-1, wd.status("/_/health"));
    }
}
