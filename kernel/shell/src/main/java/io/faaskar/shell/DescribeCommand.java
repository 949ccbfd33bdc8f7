package io.faaskar.shell;

import io.faaskar.api.kernel.FunctionService;
import io.faaskar.api.kernel.MetricsService;
import io.faaskar.api.model.FunctionRef;
import io.faaskar.api.model.FunctionStatus;
import io.faaskar.api.scaling.FunctionMetrics;
import io.faaskar.shell.completers.FunctionNameCompleter;
import io.faaskar.shell.completers.NamespaceCompleter;
import io.faaskar.shell.support.FunctionDetails;
import io.faaskar.shell.support.JsonAction;
import io.faaskar.shell.support.UserError;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "faas", name = "describe",
        description = "Shows everything about one function: its definition, replicas, provider, and the "
                + "kernel's live metrics (requests per second, invocations in flight, mean latency).")
public class DescribeCommand extends JsonAction {

    @Reference
    FunctionService functions;

    @Reference(optional = true)
    MetricsService metrics;

    @Argument(index = 0, name = "name", required = true, description = "The function, as NAME or NAME.NAMESPACE.")
    @Completion(FunctionNameCompleter.class)
    String name;

    @Option(name = "--namespace", aliases = "-n", description = NAMESPACE_HELP)
    @Completion(NamespaceCompleter.class)
    String namespace;

    @Override
    protected void run() {
        FunctionRef ref = ref(name, namespace);
        FunctionStatus status = functions.get(ref)
                .orElseThrow(() -> new UserError("No function " + ref.name() + " in namespace " + ref.namespace()
                        + " (see faas:list)"));
        FunctionMetrics m = Metrics.of(metrics, ref);
        if (json) {
            printJson(FunctionDetails.json(status, m));
        } else {
            out().print(FunctionDetails.format(FunctionDetails.lines(status, m)));
        }
    }
}
