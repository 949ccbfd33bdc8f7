package io.faaskar.provider.local.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faaskar.api.model.FunctionDeployment;
import io.faaskar.api.provider.InvalidRequestException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchPlanTest {

    static FunctionDeployment deployment(String name, String envProcess, Map<String, String> env,
                                         Map<String, String> labels, Map<String, String> annotations) {
        return new FunctionDeployment(name, null, null, envProcess, env, null, null, labels, annotations,
                null, null, null).normalized();
    }

    @Test
    void classicPlanSetsFprocessPortAndFastStop() {
        LaunchPlan plan = LaunchPlan.of(deployment("echo", "cat", Map.of("write_debug", "true"), null, null), 50);
        Map<String, String> env = plan.replicaEnvironment(4000, 0);
        assertEquals("cat", env.get("fprocess"));
        assertEquals("4000", env.get("port"));
        assertEquals("0s", env.get("healthcheck_interval"));
        assertEquals("true", env.get("write_debug"));
        assertFalse(env.containsKey("upstream_url"));
        assertEquals(1, plan.minReplicas());
        assertNull(plan.handlerDir());
    }

    @Test
    void envProcessWinsAndOwnHealthcheckIntervalIsKept() {
        LaunchPlan plan = LaunchPlan.of(deployment("echo", "cat",
                Map.of("fprocess", "other", "port", "8080", "healthcheck_interval", "5s"), null, null), 50);
        Map<String, String> env = plan.replicaEnvironment(4001, 0);
        assertEquals("cat", env.get("fprocess"));
        assertEquals("4001", env.get("port"));
        assertEquals("5s", env.get("healthcheck_interval"));
    }

    @Test
    void httpModeGivesEachReplicaItsOwnUpstreamPort() {
        LaunchPlan plan = LaunchPlan.of(deployment("web", "node index.js",
                Map.of("mode", "http", "upstream_url", "http://127.0.0.1:3000/base"), null, null), 50);
        assertTrue(plan.httpMode());
        Map<String, String> a = plan.replicaEnvironment(5000, 5001);
        Map<String, String> b = plan.replicaEnvironment(5002, 5003);
        assertEquals("http://127.0.0.1:5001/base", a.get("upstream_url"));
        assertEquals("5001", a.get("http_port"));
        assertEquals("5001", a.get("PORT"));
        assertEquals("http://127.0.0.1:5003/base", b.get("upstream_url"));
        assertEquals("5003", b.get("PORT"));
    }

    @Test
    void httpModeWithoutUpstreamGetsOne() {
        LaunchPlan plan = LaunchPlan.of(deployment("web", "node index.js", Map.of("mode", "http"), null, null), 50);
        assertEquals("http://127.0.0.1:6001", plan.replicaEnvironment(6000, 6001).get("upstream_url"));
    }

    @Test
    void refusesWhatCannotRun(@TempDir Path dir) {
        assertThrows(InvalidRequestException.class,
                () -> LaunchPlan.of(deployment("img", null, null, null, null), 50));
        assertThrows(InvalidRequestException.class,
                () -> LaunchPlan.of(deployment("img", " ", null, null, null), 50));
        assertThrows(InvalidRequestException.class,
                () -> LaunchPlan.of(deployment("../etc", "cat", null, null, null), 50));
        assertThrows(InvalidRequestException.class,
                () -> LaunchPlan.of(deployment("echo", "cat", null, Map.of("com.openfaas.scale.min", "two"), null), 50));
        assertThrows(InvalidRequestException.class,
                () -> LaunchPlan.of(deployment("echo", "cat", null, Map.of("com.openfaas.scale.min", "-1"), null), 50));
        assertThrows(InvalidRequestException.class,
                () -> LaunchPlan.of(deployment("echo", "cat", null, null,
                        Map.of(LaunchPlan.HANDLER_DIR_ANNOTATION, dir.resolve("missing").toString())), 50));
        assertThrows(InvalidRequestException.class,
                () -> LaunchPlan.of(deployment("echo", "cat", null, null, null).withNamespace("other"), 50));
    }

    @Test
    void handlerDirAndScaleMinAreRead(@TempDir Path dir) {
        LaunchPlan plan = LaunchPlan.of(deployment("echo", "cat", null, Map.of("com.openfaas.scale.min", "3"),
                Map.of(LaunchPlan.HANDLER_DIR_ANNOTATION, dir.toString())), 50);
        assertEquals(dir, plan.handlerDir());
        assertEquals(3, plan.minReplicas());
    }

    @Test
    void platformNamesAreNormalised() {
        assertEquals("linux", Platform.normaliseOs("Linux"));
        assertEquals("windows", Platform.normaliseOs("Windows Server 2022"));
        assertEquals("darwin", Platform.normaliseOs("Mac OS X"));
        assertEquals("amd64", Platform.normaliseArch("x86_64"));
        assertEquals("amd64", Platform.normaliseArch("amd64"));
        assertEquals("arm64", Platform.normaliseArch("aarch64"));
    }
}
