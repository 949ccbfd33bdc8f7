package io.faaskar.shell.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faaskar.api.model.FunctionDeployment;
import io.faaskar.api.model.FunctionResources;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeployFlagsTest {

    private static final FunctionDeployment FROM_FILE = new FunctionDeployment("fn", "img", "media", "cat",
            Map.of("A", "file", "B", "file"), List.of("node.role == worker"), List.of("s1"),
            Map.of("l", "file"), Map.of("topic", "x", FunctionDeployment.PROVIDER_ANNOTATION, "swarm"),
            FunctionResources.of("128Mi", "100m"), null, null);

    @Test
    void optionsWinOverTheFileLikeFaasCli() {
        DeployFlags flags = new DeployFlags("prod", Map.of("A", "flag"), Map.of("l", "flag"), Map.of("a2", "v"),
                List.of("ignored == true"), List.of("s2", "s1"), "local", true,
                FunctionResources.of("256Mi", null), FunctionResources.of(null, "50m"));

        FunctionDeployment d = flags.applyTo(FROM_FILE);

        assertEquals("prod", d.namespace());
        assertEquals(Map.of("A", "flag", "B", "file"), d.envVars());
        assertEquals(Map.of("l", "flag"), d.labels());
        assertEquals(Map.of("topic", "x", "a2", "v", FunctionDeployment.PROVIDER_ANNOTATION, "local"), d.annotations());
        assertEquals(List.of("node.role == worker"), d.constraints(), "the file's constraints stay");
        assertEquals(List.of("s1", "s2"), d.secrets(), "secrets are merged without duplicates");
        assertEquals(Boolean.TRUE, d.readOnlyRootFilesystem());
        assertEquals(FunctionResources.of("256Mi", "100m"), d.limits());
        assertEquals(FunctionResources.of(null, "50m"), d.requests());
        assertEquals("img", d.image());
        assertEquals("cat", d.envProcess());
    }

    @Test
    void noOptionsKeepTheFileAsItIs() {
        FunctionDeployment d = DeployFlags.NONE.applyTo(FROM_FILE);
        assertEquals(FROM_FILE.namespace(), d.namespace());
        assertEquals(FROM_FILE.envVars(), d.envVars());
        assertEquals(FROM_FILE.annotations(), d.annotations());
        assertEquals(FROM_FILE.limits(), d.limits());
        assertEquals(null, d.readOnlyRootFilesystem());
    }

    @Test
    void constraintsFromOptionsApplyWhenTheFileHasNone() {
        FunctionDeployment bare = new FunctionDeployment("fn", "img", null, null, null, null, null, null, null,
                null, null, null);
        DeployFlags flags = new DeployFlags(null, null, null, null, List.of("node.platform.os == linux"), null,
                null, false, null, null);
        FunctionDeployment d = flags.applyTo(bare);
        assertEquals(List.of("node.platform.os == linux"), d.constraints());
        assertEquals(null, d.namespace());
        assertEquals(null, d.limits());
    }
}
