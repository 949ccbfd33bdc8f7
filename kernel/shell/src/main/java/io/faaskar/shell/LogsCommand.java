package io.faaskar.shell;

import io.faaskar.api.kernel.FunctionService;
import io.faaskar.api.model.FunctionRef;
import io.faaskar.api.model.LogRequest;
import io.faaskar.shell.completers.FunctionNameCompleter;
import io.faaskar.shell.completers.NamespaceCompleter;
import io.faaskar.shell.support.Json;
import io.faaskar.shell.support.JsonAction;
import io.faaskar.shell.support.LogStream;
import io.faaskar.shell.support.Since;
import java.io.PrintStream;
import java.time.Instant;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.Signal;
import org.apache.karaf.shell.api.console.SignalListener;
import org.apache.karaf.shell.api.console.Terminal;

@Service
@Command(scope = "faas", name = "logs",
        description = "Prints the log lines of a function's replicas, like faas-cli logs: "
                + "TIMESTAMP NAME (REPLICA) TEXT, or one JSON object per line with --json.")
public class LogsCommand extends JsonAction {

    @Reference
    FunctionService functions;

    @Reference(optional = true)
    Session session;

    @Argument(index = 0, name = "name", required = true, description = "The function, as NAME or NAME.NAMESPACE.")
    @Completion(FunctionNameCompleter.class)
    String name;

    @Option(name = "--namespace", aliases = "-n", description = NAMESPACE_HELP)
    @Completion(NamespaceCompleter.class)
    String namespace;

    @Option(name = "--tail", description = "Print only the last N lines of each replica (default: all).")
    int tail = -1;

    @Option(name = "--since", description = "Print only lines newer than this: a duration back from now "
            + "(30s, 10m, 1h30m) or an RFC 3339 time (2024-05-01T12:00:00Z).")
    String since;

    @Option(name = "--follow", aliases = "-f", description = "Keep printing new lines until Ctrl-C.")
    boolean follow;

    @Option(name = "--instance", description = "Print only the lines of this replica.")
    String instance;

    @Override
    protected void run() throws Exception {
        FunctionRef ref = ref(name, namespace);
        Instant sinceTime = since == null ? null : Since.parse(since, Instant.now());
        LogRequest request = new LogRequest(ref.name(), ref.namespace(), blankToNull(instance), sinceTime, tail, follow);
        LogStream stream = new LogStream();
        Thread caller = Thread.currentThread();
        SignalListener onCtrlC = signal -> {
            stream.close();
            caller.interrupt();
        };
        Terminal terminal = session == null ? null : session.getTerminal();
        if (follow && terminal != null) {
            terminal.addSignalListener(onCtrlC, Signal.INT);
        }
        PrintStream out = out();
        try {
            stream.pump(sink -> functions.logs(request, sink),
                    m -> out.println(json ? Json.compact(m) : LogStream.format(m)),
                    "faas-logs-" + ref.qualified());
        } catch (InterruptedException e) {
            // Ctrl-C: the sink is closed, the provider stops following
        } finally {
            if (follow && terminal != null) {
                terminal.removeSignalListener(onCtrlC);
            }
            out.flush();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
