package io.faaskar.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real entry point in child JVMs: flags, env errors, SIGTERM drain, exit codes. */
class MainProcessTest {

    @TempDir
    Path tmp;

    @Test
    void versionFlag() throws Exception {
        try (WatchdogProcess wd = WatchdogProcess.start(tmp, Map.of(), "-version")) {
            assertEquals(0, wd.awaitExit());
            assertTrue(wd.output().contains("Version: "), wd.output());
        }
    }

    @Test
    void missingFprocessExitsWithClearError() throws Exception {
        try (WatchdogProcess wd = WatchdogProcess.start(tmp, Map.of())) {
            assertEquals(1, wd.awaitExit());
            assertTrue(wd.output().contains("fprocess"), wd.output());
        }
    }

    @Test
    void badEnvValueExitsNamingTheVariable() throws Exception {
        try (WatchdogProcess wd = WatchdogProcess.start(tmp, Map.of("fprocess", "cat", "exec_timeout", "soon"))) {
            assertEquals(1, wd.awaitExit());
            assertTrue(wd.output().contains("exec_timeout"), wd.output());
        }
        try (WatchdogProcess wd = WatchdogProcess.start(tmp, Map.of("fprocess", "cat", "mode", "afterburn"))) {
            assertEquals(1, wd.awaitExit());
            assertTrue(wd.output().contains("mode"), wd.output());
        }
    }

    @Test
    void runHealthcheckChecksTheLockFile() throws Exception {
        try (WatchdogProcess wd = WatchdogProcess.start(tmp, Map.of(), "-run-healthcheck")) {
            assertEquals(1, wd.awaitExit());
        }
        Files.write(tmp.resolve(".lock"), new byte[0]);
        try (WatchdogProcess wd = WatchdogProcess.start(tmp, Map.of(), "-run-healthcheck")) {
            assertEquals(0, wd.awaitExit());
        }
    }

    @Test
    void sigtermDrainsAndExitsZero() throws Exception {
        Map<String, String> env = Map.of("fprocess", "cat", "port", "0", "healthcheck_interval", "0s");
        try (WatchdogProcess wd = WatchdogProcess.start(tmp, env)) {
            int port = wd.awaitPort();
            URI health = URI.create("http://127.0.0.1:" + port + "/_/health");
            int status = -1;
            while (status != 200) {
                try {
                    status = TestWatchdog.send(HttpRequest.newBuilder(health).build()).statusCode();
                } catch (java.io.IOException notYet) {
                    Thread.sleep(5);
                }
            }
            double startupMillis = (System.nanoTime() - wd.startedNanos) / 1e6;
            System.out.printf("watchdog child JVM: process start to first 200 on /_/health: %.0f ms%n", startupMillis);
            assertTrue(Files.exists(tmp.resolve(".lock")));

            HttpResponse<String> echo = TestWatchdog.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .POST(HttpRequest.BodyPublishers.ofString("ping")).build());
            assertEquals("ping", echo.body());

            wd.process.destroy(); // SIGTERM
            assertEquals(0, wd.awaitExit(), wd.output());
            assertFalse(Files.exists(tmp.resolve(".lock")));
            assertTrue(wd.output().contains("Forking fprocess."), wd.output());
            assertTrue(wd.output().contains("Wrote 4 Bytes - Duration: "), wd.output());
            assertTrue(wd.output().contains("Exiting."), wd.output());
        }
    }

    @Test
    void separateStderrIsLogged() throws Exception {
        Map<String, String> env = Map.of("fprocess", "cat /no-such-file", "port", "0", "combine_output", "false");
        try (WatchdogProcess wd = WatchdogProcess.start(tmp, env)) {
            int port = wd.awaitPort();
            HttpResponse<String> response = TestWatchdog.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).GET().build());
            assertEquals("exit status 1\n", response.body());
            TestWatchdog.await("stderr logged", () -> wd.output().contains("stderr: cat: /no-such-file"));
        }
    }

    @Test
    void httpModeExitsWhenTheFunctionDies() throws Exception {
        Map<String, String> env = Map.of("mode", "http", "fprocess", "sleep 0.3", "port", "0",
                "upstream_url", "http://127.0.0.1:9");
        try (WatchdogProcess wd = WatchdogProcess.start(tmp, env)) {
            assertNotEquals(0, wd.awaitExit());
            assertTrue(wd.output().contains("Forked function has terminated"), wd.output());
        }
    }
}
