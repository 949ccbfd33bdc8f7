package io.faaskar.watchdog.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigReaderTest {

    private static final Path TMP = Path.of("/tmp");

    private static WatchdogConfig read(String... pairs) throws ConfigException {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return ConfigReader.read(env, TMP);
    }

    private static String error(String... pairs) {
        return assertThrows(ConfigException.class, () -> read(pairs)).getMessage();
    }

    @Test
    void defaults() throws Exception {
        WatchdogConfig config = read("fprocess", "cat");
        assertEquals(Mode.CLASSIC, config.mode());
        assertEquals(List.of("cat"), config.command());
        assertEquals(8080, config.port());
        assertEquals(Duration.ofSeconds(30), config.readTimeout());
        assertEquals(Duration.ofSeconds(30), config.writeTimeout());
        assertEquals(Duration.ZERO, config.execTimeout());
        assertEquals(Duration.ofSeconds(30), config.healthcheckInterval());
        assertEquals(0, config.maxInflight());
        assertTrue(config.combineOutput());
        assertTrue(config.cgiHeaders());
        assertTrue(config.prefixLogs());
        assertFalse(config.suppressLock());
        assertFalse(config.writeDebug());
        assertFalse(config.marshalRequest());
        assertNull(config.contentType());
        assertNull(config.upstreamUrl());
        assertNull(config.bindAddress());
        assertEquals(TMP.resolve(".lock"), config.lockFile());
    }

    @Test
    void bindAddressIsRead() throws Exception {
        assertEquals("127.0.0.1", read("fprocess", "cat", "bind_address", "127.0.0.1").bindAddress());
    }

    @Test
    void healthcheckIntervalFollowsWriteTimeout() throws Exception {
        assertEquals(Duration.ofSeconds(5), read("fprocess", "cat", "write_timeout", "5s").healthcheckInterval());
        assertEquals(Duration.ZERO, read("fprocess", "cat", "write_timeout", "5", "healthcheck_interval", "0s")
                .healthcheckInterval());
    }

    @Test
    void functionProcessWinsOverFprocess() throws Exception {
        assertEquals(List.of("node", "index.js"),
                read("fprocess", "cat", "function_process", "node index.js").command());
    }

    @Test
    void fprocessSplitsOnSingleSpaces() throws Exception {
        assertEquals(List.of("a", "", "b"), read("fprocess", "a  b").command());
    }

    @Test
    void httpModeNeedsUpstreamAndPrefersHttpUpstreamUrl() throws Exception {
        assertTrue(error("mode", "http", "fprocess", "node index.js").contains("upstream_url"));
        WatchdogConfig config = read("mode", "http", "fprocess", "x", "upstream_url", "http://127.0.0.1:1",
                "http_upstream_url", "http://127.0.0.1:3000");
        assertEquals(URI.create("http://127.0.0.1:3000"), config.upstreamUrl());
        assertEquals(Duration.ofSeconds(30), config.execTimeout(), "of-watchdog default");
    }

    @Test
    void serializingIsAccepted() throws Exception {
        assertEquals(Mode.SERIALIZING, read("mode", "serializing", "fprocess", "cat").mode());
    }

    @Test
    void missingFprocessIsAClearError() {
        assertTrue(error().contains("fprocess"));
        assertTrue(error("fprocess", "").contains("fprocess"));
    }

    @Test
    void invalidValuesNameTheVariable() {
        assertTrue(error("fprocess", "cat", "mode", "streaming").contains("mode"));
        assertTrue(error("fprocess", "cat", "port", "abc").contains("port"));
        assertTrue(error("fprocess", "cat", "port", "70000").contains("port"));
        assertTrue(error("fprocess", "cat", "max_inflight", "-1").contains("max_inflight"));
        assertTrue(error("fprocess", "cat", "read_timeout", "10x").contains("read_timeout"));
        assertTrue(error("fprocess", "cat", "write_timeout", "soon").contains("write_timeout"));
        assertTrue(error("fprocess", "cat", "exec_timeout", "-5s").contains("exec_timeout"));
        assertTrue(error("fprocess", "cat", "healthcheck_interval", "x").contains("healthcheck_interval"));
        assertTrue(error("fprocess", "cat", "combine_output", "maybe").contains("combine_output"));
        assertTrue(error("mode", "http", "fprocess", "x", "upstream_url", "localhost:3000").contains("upstream_url"));
    }

    @Test
    void booleansAcceptTrueFalseOneZero() throws Exception {
        WatchdogConfig config = read("fprocess", "cat", "combine_output", "FALSE", "suppress_lock", "1",
                "write_debug", "true", "cgi_headers", "0", "prefix_logs", "false");
        assertFalse(config.combineOutput());
        assertTrue(config.suppressLock());
        assertTrue(config.writeDebug());
        assertFalse(config.cgiHeaders());
        assertFalse(config.prefixLogs());
    }
}
