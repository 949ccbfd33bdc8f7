package io.faaskar.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faaskar.api.kernel.FunctionInvoker;
import io.faaskar.api.kernel.FunctionService;
import io.faaskar.api.model.FunctionRef;
import io.faaskar.shell.completers.FunctionNameCompleter;
import io.faaskar.shell.completers.NamespaceCompleter;
import io.faaskar.shell.completers.ProviderNameCompleter;
import io.faaskar.shell.support.FakeFunctionService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.impl.action.command.ManagerImpl;
import org.apache.karaf.shell.impl.console.SessionFactoryImpl;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The commands inside Karaf's real shell (gogo parser, action manager, headless session), without OSGi:
 * quoting, K=V arguments, --opt=value and pipes behave as in the console.
 */
class KarafShellTest {

    private final FakeFunctionService functions = new FakeFunctionService();
    private final FakeInvoker invoker = new FakeInvoker();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ThreadIOImpl threadIO;
    private SessionFactoryImpl factory;
    private Session session;

    @BeforeEach
    void startShell() {
        threadIO = new ThreadIOImpl();
        threadIO.start();
        factory = new SessionFactoryImpl(threadIO);
        factory.getRegistry().register(() -> functions, FunctionService.class);
        factory.getRegistry().register(() -> invoker, FunctionInvoker.class);
        ManagerImpl manager = new ManagerImpl(factory.getRegistry(), factory.getRegistry());
        for (Class<?> type : List.of(FunctionNameCompleter.class, ProviderNameCompleter.class, NamespaceCompleter.class,
                DeployCommand.class, ListCommand.class, InvokeCommand.class, RemoveCommand.class)) {
            manager.register(type);
        }
        session = factory.create(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stopShell() {
        session.close();
        factory.stop();
        threadIO.stop();
    }

    private String run(String command) throws Exception {
        out.reset();
        session.execute(command);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void deployWithKeyValuesQuotesAndOptionValues() throws Exception {
        String output = run("faas:deploy --fprocess \"sh -c 'cat'\" -e A=1 --env=B=x=y --update=false -l team=a hello");
        assertEquals("Deployed hello on provider local.\n", output);
        assertEquals(List.of("deploy hello"), functions.calls);
        var status = functions.functions.get(new FunctionRef("hello", null));
        assertEquals("sh -c 'cat'", status.envProcess());
        assertEquals(Map.of("A", "1", "B", "x=y"), status.envVars());
    }

    @Test
    void userErrorsAreCommandExceptionsWithOneLine() {
        Exception e = assertThrows(Exception.class, () -> run("faas:deploy --image img -e DEBUG hello"));
        CommandException ce = assertInstanceOf(CommandException.class, e);
        assertEquals("Invalid --env value \"DEBUG\": expected KEY=VALUE", ce.getMessage());
    }

    @Test
    void invokeWithQuotedJsonDataPipedInputAndEmptyData() throws Exception {
        run("faas:deploy --fprocess cat hello");
        assertEquals("ok", run("faas:invoke --content-type application/json hello '{\"a\": 1}'"));
        assertEquals("{\"a\": 1}", new String(invoker.requestBody, StandardCharsets.UTF_8));

        run("echo piped | faas:invoke hello");
        assertEquals("piped\n", new String(invoker.requestBody, StandardCharsets.UTF_8));

        run("faas:invoke hello ''");
        assertEquals(0, invoker.requestBody.length);
    }

    @Test
    void listAndRemoveThroughTheParser() throws Exception {
        run("faas:deploy --fprocess cat -n dev hello");
        assertTrue(run("faas:list -n dev").contains("hello"));
        assertEquals("Removed hello.\n", run("faas:remove hello.dev"));
    }
}
