package io.faaskar.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faaskar.api.kernel.AdminAccount;
import io.faaskar.api.kernel.InvocationException;
import io.faaskar.api.model.FunctionRef;
import io.faaskar.api.model.FunctionStatus;
import io.faaskar.api.model.LogMessage;
import io.faaskar.shell.support.FakeFunctionService;
import io.faaskar.shell.support.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

class CommandsTest {

    private final FakeFunctionService service = new FakeFunctionService();

    private DeployCommand deploy() {
        DeployCommand c = new DeployCommand();
        c.functions = service;
        return c;
    }

    private static void assertFailure(Shell.Result r, String message) {
        CommandException e = assertInstanceOf(CommandException.class, r.failure(), () -> "expected a failure, got " + r);
        assertEquals(message, e.getMessage());
        assertTrue(e.getNiceHelp().startsWith("Error executing command faas:"), e.getNiceHelp());
    }

    private void deployed(String name, String ns) {
        Shell.Result r = Shell.run(deploy(), "--fprocess", "cat", "-n", ns, name);
        assertNull(r.failure());
    }

    @Test
    void deployOneFunctionFromOptions() {
        Shell.Result r = Shell.run(deploy(), "--fprocess", "cat", "-e", "A=1", "--env=B=x=y", "-l", "team=a",
                "--annotation", "topic=t", "--secret", "s1", "--provider", "local", "--memory-limit", "64Mi", "hello");

        assertNull(r.failure(), r::toString);
        assertEquals("Deployed hello on provider local.\n", r.out());
        assertEquals(List.of("update hello", "deploy hello"), service.calls);
        FunctionStatus s = service.functions.get(new FunctionRef("hello", null));
        assertEquals("cat", s.envProcess());
        assertEquals(Map.of("A", "1", "B", "x=y"), s.envVars());
        assertEquals(Map.of("team", "a"), s.labels());
        assertEquals("t", s.annotations().get("topic"));
        assertEquals("local", s.provider());
        assertEquals(List.of("s1"), s.secrets());
        assertEquals("64Mi", s.limits().memory());
    }

    @Test
    void deployWithoutUpdateFailsOnAnExistingFunction() {
        deployed("hello", "openfaas-fn");
        service.calls.clear();
        Shell.Result r = Shell.run(deploy(), "--update=false", "--name", "hello", "--image", "img");
        assertEquals(List.of("deploy hello"), service.calls);
        assertTrue(r.failure().getMessage().startsWith("Cannot deploy hello: "), r::toString);
        service.calls.clear();
        Shell.run(deploy(), "--no-update", "--image", "img", "hello");
        assertEquals(List.of("deploy hello"), service.calls);
    }

    @Test
    void deployNamesTheBadKeyValue() {
        assertFailure(Shell.run(deploy(), "--image", "img", "-e", "DEBUG", "hello"),
                "Invalid --env value \"DEBUG\": expected KEY=VALUE");
        assertFailure(Shell.run(deploy(), "--image", "img", "--label", "a:b", "hello"),
                "Invalid --label value \"a:b\": expected KEY=VALUE");
        assertTrue(service.calls.isEmpty());
    }

    @Test
    void deployNeedsAName() {
        assertFailure(Shell.run(deploy(), "--image", "img"),
                "Give the function's name (faas:deploy [options] NAME, or --name NAME), or a stack file with --yaml");
    }

    @Test
    void deployEveryFunctionOfAStackFileWithProgress() throws Exception {
        Path stack = Paths.get(getClass().getResource("/stacks/stack.yml").toURI());
        Shell.Result r = Shell.run(deploy(), "-f", stack.toString(), "-e", "EXTRA=1", "--envsubst=false");

        assertNull(r.failure(), r::toString);
        assertEquals("""
                Deploying shrink-image (1/3)...
                Deployed shrink-image on provider local.
                Deploying word-count (2/3)...
                Deployed word-count on provider local.
                Deploying hello-local (3/3)...
                Deployed hello-local on provider local.
                """, r.out());
        FunctionStatus shrink = service.functions.get(new FunctionRef("shrink-image", "media"));
        assertEquals("1", shrink.envVars().get("EXTRA"));
        assertEquals("${LOG_LEVEL:-info}", shrink.envVars().get("LOG_LEVEL"));
    }

    @Test
    void deployFilteredFunctionsOfAStackFile() throws Exception {
        Path stack = Paths.get(getClass().getResource("/stacks/stack.yml").toURI());
        Shell.Result r = Shell.run(deploy(), "--yaml", stack.toString(), "--filter", "word-*");
        assertEquals("Deployed word-count on provider local.\n", r.out());
        assertFailure(Shell.run(deploy(), "--yaml", stack.toString(), "--filter", "nope"),
                "No function of stack.yml matches --filter nope");
        assertFailure(Shell.run(deploy(), "--yaml", stack.toString(), "hello"),
                "--yaml deploys the functions of the file: leave out the name, --image and --fprocess "
                        + "(use --filter to pick functions)");
    }

    @Test
    void deployOfSeveralGoesOnAfterAFailureAndFailsAtTheEnd() throws Exception {
        Path stack = Paths.get(getClass().getResource("/stacks/stack.yml").toURI());
        deployed("word-count", "openfaas-fn");
        Shell.Result r = Shell.run(deploy(), "--no-update", "-f", stack.toString());
        assertTrue(r.err().startsWith("Failed to deploy word-count: Cannot deploy word-count: "), r.err());
        assertTrue(r.out().contains("Deployed hello-local on provider local."), r.out());
        assertFailure(r, "1 of 3 functions failed to deploy: word-count");
    }

    @Test
    void listPrintsATableOrJson() throws Exception {
        deployed("hello", "openfaas-fn");
        deployed("other", "dev");
        ListCommand list = new ListCommand();
        list.functions = service;

        Shell.Result table = Shell.run(list);
        List<String> lines = table.out().lines().toList();
        assertTrue(lines.get(0).matches("NAME\\s+\\|\\s+PROVIDER\\s+\\|\\s+NAMESPACE\\s+\\|\\s+IMAGE/FPROCESS\\s+\\|"
                + "\\s+REPLICAS\\s+\\|\\s+INVOCATIONS\\s*"), lines.get(0));
        assertTrue(lines.get(2).matches("hello\\s+\\|\\s+local\\s+\\|\\s+openfaas-fn\\s+\\|\\s+cat\\s+\\|\\s+1/1\\s+\\|\\s+0\\s*"),
                lines.get(2));
        assertEquals(3, lines.size(), table.out());

        list = new ListCommand();
        list.functions = service;
        Shell.Result all = Shell.run(list, "-A", "-q");
        assertEquals("other\nhello\n", all.out());

        list = new ListCommand();
        list.functions = service;
        JsonNode json = Json.MAPPER.readTree(Shell.run(list, "--json").out());
        assertEquals(1, json.size());
        assertEquals("hello", json.get(0).get("name").asText());
        assertEquals("2024-05-01T12:00:00Z", json.get(0).get("createdAt").asText());
    }

    @Test
    void describeAnUnknownFunctionSaysSo() {
        DescribeCommand describe = new DescribeCommand();
        describe.functions = service;
        assertFailure(Shell.run(describe, "nope.dev"), "No function nope in namespace dev (see faas:list)");
        deployed("hello", "dev");
        describe = new DescribeCommand();
        describe.functions = service;
        Shell.Result r = Shell.run(describe, "-n", "dev", "hello");
        assertTrue(r.out().startsWith("Name:"), r.out());
        assertTrue(r.out().contains("Namespace:"), r.out());
    }

    @Test
    void invokeSendsTheDataAndPrintsTheAnswer() {
        FakeInvoker invoker = new FakeInvoker();
        InvokeCommand invoke = new InvokeCommand();
        invoke.invoker = invoker;

        Shell.Result r = Shell.run(invoke, "--method", "put", "--path", "items/1", "-q", "a=1 2", "-H", "X-Id=7",
                "--content-type", "application/json", "hello.dev", "{\"x\":1}");

        assertNull(r.failure(), r::toString);
        assertEquals("ok", r.out());
        assertEquals(new FunctionRef("hello", "dev"), invoker.request.function());
        assertEquals("PUT", invoker.request.method());
        assertEquals("/items/1", invoker.request.path());
        assertEquals("a=1%202", invoker.request.rawQuery());
        assertEquals(Map.of("X-Id", List.of("7"), "Content-Type", List.of("application/json")), invoker.request.headers());
        assertEquals("{\"x\":1}", new String(invoker.requestBody, StandardCharsets.UTF_8));
        assertEquals(7, invoker.request.contentLength());
        assertTrue(invoker.closed);
    }

    @Test
    void invokeReadsStandardInputWithoutData() {
        FakeInvoker invoker = new FakeInvoker();
        InvokeCommand invoke = new InvokeCommand();
        invoke.invoker = invoker;
        Shell.Result r = Shell.runWithInput("from stdin".getBytes(StandardCharsets.UTF_8), invoke, "-v", "hello");
        assertEquals("from stdin", new String(invoker.requestBody, StandardCharsets.UTF_8));
        assertEquals("POST", invoker.request.method());
        assertEquals(Map.of("Content-Type", List.of("text/plain")), invoker.request.headers());
        assertEquals("HTTP 200 from replica r1\nContent-Type: text/plain\n\nok", r.out());
    }

    @Test
    void invokeFailsOnAnErrorStatusWithTheAnswerOnStderr() {
        FakeInvoker invoker = new FakeInvoker();
        invoker.status = 500;
        invoker.answer = "boom";
        InvokeCommand invoke = new InvokeCommand();
        invoke.invoker = invoker;
        Shell.Result r = Shell.run(invoke, "hello", "");
        assertEquals("", r.out());
        assertEquals("boom", r.err());
        assertFailure(r, "Function hello answered HTTP 500");
        assertTrue(invoker.closed);

        invoker.failure = new InvocationException(503, "no ready replica of hello.openfaas-fn");
        invoke = new InvokeCommand();
        invoke.invoker = invoker;
        assertFailure(Shell.run(invoke, "hello", "x"), "Invocation failed (HTTP 503): no ready replica of hello.openfaas-fn");
    }

    @Test
    void removeScaleAndTheirErrors() {
        deployed("a", "openfaas-fn");
        deployed("b", "openfaas-fn");
        RemoveCommand remove = new RemoveCommand();
        remove.functions = service;
        Shell.Result r = Shell.run(remove, "a", "nope", "b");
        assertEquals("Removed a.\nRemoved b.\n", r.out());
        assertEquals("Failed to remove nope: No function nope in namespace openfaas-fn to remove\n", r.err());
        assertFailure(r, "1 of 3 functions were not removed: nope");

        remove = new RemoveCommand();
        remove.functions = service;
        assertFailure(Shell.run(remove, "a"), "No function a in namespace openfaas-fn to remove");

        deployed("c", "openfaas-fn");
        ScaleCommand scale = new ScaleCommand();
        scale.functions = service;
        assertEquals("Scaled c to 3 replicas.\n", Shell.run(scale, "c", "3").out());
        scale = new ScaleCommand();
        scale.functions = service;
        assertEquals("Scaled c to 1 replica.\n", Shell.run(scale, "c", "1").out());
        scale = new ScaleCommand();
        scale.functions = service;
        assertFailure(Shell.run(scale, "c", "-1"), "Invalid replicas \"-1\": expected a whole number, 0 or more");
        scale = new ScaleCommand();
        scale.functions = service;
        assertFailure(Shell.run(scale, "nope", "2"), "Not found: function nope.openfaas-fn not found");
    }

    @Test
    void logsPrintLinesOrJson() throws Exception {
        deployed("hello", "openfaas-fn");
        Instant t = Instant.parse("2024-05-01T12:00:00Z");
        service.logLines.add(new LogMessage("hello", "openfaas-fn", "hello-1", t, "one\n"));
        service.logLines.add(new LogMessage("hello", "openfaas-fn", "hello-2", t, "two"));
        LogsCommand logs = new LogsCommand();
        logs.functions = service;
        Shell.Result r = Shell.run(logs, "--tail", "5", "--since", "2024-05-01T11:00:00Z", "--instance", "hello-1", "hello");
        assertNull(r.failure(), r::toString);
        assertEquals("2024-05-01T12:00:00Z hello (hello-1) one\n2024-05-01T12:00:00Z hello (hello-2) two\n", r.out());
        assertEquals("logs LogRequest[name=hello, namespace=openfaas-fn, instance=hello-1, "
                + "since=2024-05-01T11:00:00Z, tail=5, follow=false]", service.calls.get(service.calls.size() - 1));

        logs = new LogsCommand();
        logs.functions = service;
        List<String> json = Shell.run(logs, "-j", "hello").out().lines().toList();
        assertEquals(2, json.size());
        assertEquals("two", Json.MAPPER.readTree(json.get(1)).get("text").asText());
    }

    @Test
    void adminPasswordShowsResetsAndSets() {
        FakeAdmin admin = new FakeAdmin();
        AdminPasswordCommand c = new AdminPasswordCommand();
        c.admin = admin;
        assertEquals("Generated password of user admin: first\nChange it with faas:admin-password --reset or --set.\n",
                Shell.run(c).out());

        c = new AdminPasswordCommand();
        c.admin = admin;
        assertEquals("New password of user admin: generated-1\nIt is shown only now: store it safely.\n",
                Shell.run(c, "--reset").out());

        c = new AdminPasswordCommand();
        c.admin = admin;
        assertTrue(Shell.run(c).out().startsWith("The password of user admin is not shown"));

        c = new AdminPasswordCommand();
        c.admin = admin;
        assertEquals("Password of user admin set.\n", Shell.run(c, "--set", "s3cret").out());
        assertEquals("s3cret", admin.password);

        c = new AdminPasswordCommand();
        c.admin = admin;
        assertFailure(Shell.run(c, "--reset", "--set", "x"), "Give either --reset or --set, not both");

        c = new AdminPasswordCommand();
        assertTrue(Shell.run(c).failure().getMessage().startsWith("The admin account is not available"));
    }

    @Test
    void helpIsKarafsAndListsTheOptions() {
        Shell.Result r = Shell.run(deploy(), "--help");
        assertNull(r.failure());
        assertTrue(r.out().contains("faas:deploy"), r.out());
        assertTrue(r.out().contains("--update"), r.out());
        assertTrue(r.out().contains("--yaml"), r.out());
        assertTrue(service.calls.isEmpty());
    }

    private static final class FakeAdmin implements AdminAccount {
        String password = "first";
        boolean initial = true;
        int generated;

        @Override
        public Optional<String> initialPassword() {
            return initial ? Optional.of(password) : Optional.empty();
        }

        @Override
        public String resetPassword(String newPassword) {
            initial = false;
            password = newPassword != null ? newPassword : "generated-" + ++generated;
            return password;
        }

        @Override
        public boolean authenticate(String user, char[] pw) {
            return USER.equals(user) && password.equals(new String(pw));
        }
    }
}
