package io.faaskar.shell;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.impl.action.command.DefaultActionPreparator;

/**
 * Runs an action the way Karaf does, without a container: Karaf's own option parser fills the fields,
 * then execute() runs with System.in/out/err bound to buffers.
 */
final class Shell {

    record Result(String out, String err, Exception failure) {
    }

    private Shell() {
    }

    static Result run(Action action, String... args) {
        return runWithInput(new byte[0], action, args);
    }

    static synchronized Result runWithInput(byte[] stdin, Action action, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        InputStream oldIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setIn(new ByteArrayInputStream(stdin));
        Exception failure = null;
        try {
            List<Object> params = Arrays.asList((Object[]) args);
            if (new DefaultActionPreparator().prepare(action, session(Path.of(".")), params)) {
                action.execute();
            }
        } catch (Exception e) {
            failure = e;
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
        }
        return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), failure);
    }

    /** A headless session: no terminal, no variables, the given current directory. */
    static Session session(Path currentDir) {
        return (Session) Proxy.newProxyInstance(Shell.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, methodArgs) -> switch (method.getName()) {
                    case "currentDir" -> currentDir;
                    case "hashCode" -> 0;
                    case "equals" -> proxy == methodArgs[0];
                    case "toString" -> "test session";
                    default -> null;
                });
    }
}
