package io.faaskar.shell.support;

import io.faaskar.api.model.FunctionRef;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * Base of the {@code faas:*} commands: runs {@link #run()} and turns the errors a user can cause into a
 * one-line {@link CommandException} (Karaf prints its text, no stack trace, and logs it at debug only).
 * Output goes to {@code System.out}/{@code System.err}, which Karaf binds to the session and its pipes.
 */
public abstract class FaasAction implements Action {

    /** The description of every {@code --namespace} option. */
    protected static final String NAMESPACE_HELP = "Namespace of the function. Defaults to openfaas-fn, "
            + "or to the NAMESPACE part when the function is given as NAME.NAMESPACE.";

    @Override
    public final Object execute() throws Exception {
        try {
            run();
            return null;
        } catch (RuntimeException e) {
            Optional<String> message = Failures.message(e);
            if (message.isEmpty()) {
                throw e;
            }
            throw failure(message.get(), e);
        }
    }

    /** The command's work; throw {@link UserError} or the API's exceptions for what the user must fix. */
    protected abstract void run() throws Exception;

    /** {@code NAME} or {@code NAME.NAMESPACE}; an explicit {@code --namespace} wins. */
    protected static FunctionRef ref(String name, String namespace) {
        if (name == null || name.isBlank()) {
            throw new UserError("Give a function name");
        }
        return FunctionRef.parse(name.trim(), namespace);
    }

    protected static String namespaceOrDefault(String namespace) {
        return namespace == null || namespace.isBlank() ? FunctionRef.DEFAULT_NAMESPACE : namespace.trim();
    }

    protected CommandException failure(String message, Throwable cause) {
        Command command = getClass().getAnnotation(Command.class);
        String name = command == null ? getClass().getSimpleName() : command.scope() + ":" + command.name();
        return new CommandException("Error executing command " + name + ": " + message, message, cause);
    }

    protected static PrintStream out() {
        return System.out;
    }

    protected static PrintStream err() {
        return System.err;
    }

    /** A ShellTable with these headers and rows, printed to the session's output. */
    protected static void printTable(List<String> headers, List<List<Object>> rows) {
        ShellTable table = new ShellTable();
        headers.forEach(table::column);
        rows.forEach(row -> table.addRow().addContent(row));
        table.print(out());
    }
}
