package io.faaskar.shell;

import io.faaskar.api.kernel.FunctionService;
import io.faaskar.api.kernel.MetricsService;
import io.faaskar.api.model.FunctionStatus;
import io.faaskar.shell.completers.NamespaceCompleter;
import io.faaskar.shell.support.FunctionRows;
import io.faaskar.shell.support.JsonAction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "faas", name = "list",
        description = "Lists the deployed functions with their provider, namespace, image or process, "
                + "ready/desired replicas and invocation count.")
public class ListCommand extends JsonAction {

    @Reference
    FunctionService functions;

    @Reference(optional = true)
    MetricsService metrics;

    @Option(name = "--namespace", aliases = "-n", description = "Namespace to list (default openfaas-fn).")
    @Completion(NamespaceCompleter.class)
    String namespace;

    @Option(name = "--all-namespaces", aliases = "-A", description = "List the functions of every namespace.")
    boolean allNamespaces;

    @Option(name = "--quiet", aliases = "-q", description = "Print only the function names, one per line.")
    boolean quiet;

    @Override
    protected void run() {
        List<FunctionStatus> statuses = new ArrayList<>();
        if (allNamespaces) {
            functions.namespaces().forEach(ns -> statuses.addAll(functions.list(ns)));
        } else {
            statuses.addAll(functions.list(namespaceOrDefault(namespace)));
        }
        statuses.sort(Comparator.comparing((FunctionStatus s) -> String.valueOf(s.namespace()))
                .thenComparing(s -> String.valueOf(s.name())));
        if (json) {
            printJson(statuses);
        } else if (quiet) {
            statuses.forEach(s -> out().println(s.name()));
        } else {
            printTable(FunctionRows.HEADERS, FunctionRows.of(statuses, Metrics.lookup(metrics)).stream()
                    .map(FunctionRows.Row::cells).toList());
        }
    }
}
