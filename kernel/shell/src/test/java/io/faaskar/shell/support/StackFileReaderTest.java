package io.faaskar.shell.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faaskar.api.model.FunctionDeployment;
import io.faaskar.api.model.FunctionResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackFileReaderTest {

    private final StackFileReader reader = new StackFileReader(name -> null);

    private static Path sample() throws Exception {
        return Paths.get(StackFileReaderTest.class.getResource("/stacks/stack.yml").toURI());
    }

    @Test
    void mapsEveryFunctionOfARealisticStackFileInFileOrder() throws Exception {
        List<FunctionDeployment> deployments = reader.read(sample());

        assertEquals(List.of("shrink-image", "word-count", "hello-local"),
                deployments.stream().map(FunctionDeployment::service).toList());

        FunctionDeployment shrink = deployments.get(0);
        assertEquals("ghcr.io/acme/shrink-image:0.4.1", shrink.image());
        assertNull(shrink.envProcess());
        assertEquals("media", shrink.namespace());
        // inline environment, overridden by environment_file; scalars of any YAML type become text
        assertEquals(Map.of("write_timeout", "30s", "max_inflight", "8", "write_debug", "true",
                "LOG_LEVEL", "info", "S3_BUCKET", "thumbnails"), shrink.envVars());
        assertEquals(List.of("s3-access-key", "s3-secret-key"), shrink.secrets());
        assertEquals(Map.of("com.openfaas.scale.min", "2", "com.openfaas.scale.max", "10"), shrink.labels());
        assertEquals(Map.of("topic", "images.uploaded"), shrink.annotations());
        assertEquals(List.of("node.platform.os == linux"), shrink.constraints());
        assertEquals(FunctionResources.of("256Mi", "500m"), shrink.limits());
        assertEquals(FunctionResources.of("64Mi", null), shrink.requests());
        assertEquals(Boolean.TRUE, shrink.readOnlyRootFilesystem());

        FunctionDeployment wc = deployments.get(1);
        assertEquals("wc -w", wc.envProcess());
        assertNull(wc.namespace());
        assertNull(wc.limits());
        assertNull(wc.requests());
        assertNull(wc.readOnlyRootFilesystem());
        assertTrue(wc.envVars().isEmpty());

        FunctionDeployment hello = deployments.get(2);
        assertNull(hello.image());
        assertEquals("sh -c 'echo Hello $(cat)'", hello.envProcess());
        assertEquals(Map.of("GREETING", ""), hello.envVars());
        assertEquals("local", hello.annotations().get(FunctionDeployment.PROVIDER_ANNOTATION));
        // the model's normalisation accepts what the mapping produced
        assertEquals(hello.envVars(), hello.normalized().envVars());
    }

    @Test
    void substitutesEnvironmentVariablesWhenAsked() throws Exception {
        List<FunctionDeployment> deployments = new StackFileReader(name -> "LOG_LEVEL".equals(name) ? "debug" : null)
                .read(sample());
        assertEquals("debug", deployments.get(0).envVars().get("LOG_LEVEL"));
        // bare $VAR and $(...) are left for the function's shell
        assertEquals("sh -c 'echo Hello $(cat)'", deployments.get(2).envProcess());
    }

    @Test
    void withoutSubstitutionTheTextIsKept() throws Exception {
        List<FunctionDeployment> deployments = new StackFileReader(null).read(sample());
        assertEquals("${LOG_LEVEL:-info}", deployments.get(0).envVars().get("LOG_LEVEL"));
    }

    @Test
    void syntaxErrorPointsAtLineAndColumn() {
        String yaml = """
                provider:
                  name: openfaas
                functions:
                  hello:
                    image: foo: bar
                """;
        UserError e = assertThrows(UserError.class, () -> reader.parse(yaml, "stack.yml"));
        assertEquals("Invalid stack.yml at line 5, column 15: mapping values are not allowed here", e.getMessage());
    }

    @Test
    void badIndentationPointsAtItsLine() {
        String yaml = """
                functions:
                  hello:
                    image: foo
                   fprocess: cat
                """;
        UserError e = assertThrows(UserError.class, () -> reader.parse(yaml, "stack.yml"));
        assertEquals("Invalid stack.yml at line 4, column 4: expected <block end>, but found '<block mapping start>' "
                + "(while parsing a block mapping)", e.getMessage());
    }

    @Test
    void wrongTypeNamesLineColumnAndKey() {
        String yaml = """
                functions:
                  hello:
                    image: foo
                    environment:
                      - A=1
                """;
        UserError e = assertThrows(UserError.class, () -> reader.parse(yaml, "stack.yml"));
        assertEquals("Invalid stack.yml at line 5, column 7 (functions.hello.environment): "
                + "expected a mapping of KEY: value", e.getMessage());
    }

    @Test
    void listWhereAValueIsExpected() {
        String yaml = """
                functions:
                  hello:
                    image:
                      - a
                      - b
                """;
        UserError e = assertThrows(UserError.class, () -> reader.parse(yaml, "stack.yml"));
        assertTrue(e.getMessage().startsWith("Invalid stack.yml at line 4, column 7 (functions.hello.image): "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("expected a single value, not a list or mapping"), e.getMessage());
    }

    @Test
    void duplicateFunctionIsAnError() {
        String yaml = """
                functions:
                  hello:
                    image: a
                  hello:
                    image: b
                """;
        UserError e = assertThrows(UserError.class, () -> reader.parse(yaml, "stack.yml"));
        assertTrue(e.getMessage().startsWith("Invalid stack.yml at line 4"), e.getMessage());
        assertTrue(e.getMessage().contains("hello"), e.getMessage());
    }

    @Test
    void fileWithoutFunctionsIsRejected() {
        UserError e = assertThrows(UserError.class,
                () -> reader.parse("provider:\n  name: openfaas\n", "stack.yml"));
        assertEquals("stack.yml has no functions: add a functions: section with at least one function", e.getMessage());
        assertThrows(UserError.class, () -> reader.parse("  \n", "stack.yml"));
    }

    @Test
    void functionWithoutSettingsIsNamed(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("stack.yml"), "functions:\n  hello:\n");
        UserError e = assertThrows(UserError.class, () -> reader.read(file));
        assertTrue(e.getMessage().startsWith("Function hello in stack.yml has no settings"), e.getMessage());
    }

    @Test
    void missingFilesAreNamed(@TempDir Path dir) throws Exception {
        UserError e = assertThrows(UserError.class, () -> reader.read(dir.resolve("nope.yml")));
        assertTrue(e.getMessage().startsWith("File not found: "), e.getMessage());

        Path file = Files.writeString(dir.resolve("stack.yml"),
                "functions:\n  hello:\n    image: a\n    environment_file: [missing.yml]\n");
        UserError env = assertThrows(UserError.class, () -> reader.read(file));
        assertTrue(env.getMessage().startsWith("environment_file not found: "), env.getMessage());
    }

    @Test
    void errorsInAnEnvironmentFileNameThatFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("env.yml"), "environment:\n  - A\n");
        Path file = Files.writeString(dir.resolve("stack.yml"),
                "functions:\n  hello:\n    image: a\n    environment_file: [env.yml]\n");
        UserError e = assertThrows(UserError.class, () -> reader.read(file));
        assertEquals("Invalid env.yml at line 2, column 3 (environment): expected a mapping of KEY: value",
                e.getMessage());
    }
}
