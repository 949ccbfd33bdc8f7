package io.faaskar.shell;

import io.faaskar.api.kernel.FunctionService;
import io.faaskar.api.model.FunctionRef;
import io.faaskar.shell.completers.FunctionNameCompleter;
import io.faaskar.shell.completers.NamespaceCompleter;
import io.faaskar.shell.support.FaasAction;
import io.faaskar.shell.support.UserError;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "faas", name = "scale",
        description = "Sets the desired number of replicas of a function. Autoscaling may change it again "
                + "within the function's com.openfaas.scale.min/max labels.")
public class ScaleCommand extends FaasAction {

    @Reference
    FunctionService functions;

    @Argument(index = 0, name = "name", required = true, description = "The function, as NAME or NAME.NAMESPACE.")
    @Completion(FunctionNameCompleter.class)
    String name;

    @Argument(index = 1, name = "replicas", required = true,
            description = "Desired replicas: 0 or more (0 only where the provider can scale to zero).")
    String replicas;

    @Option(name = "--namespace", aliases = "-n", description = NAMESPACE_HELP)
    @Completion(NamespaceCompleter.class)
    String namespace;

    @Override
    protected void run() {
        FunctionRef ref = ref(name, namespace);
        long count = parseReplicas(replicas);
        functions.scale(ref, count);
        out().println("Scaled " + ref.name() + " to " + count + (count == 1 ? " replica." : " replicas."));
    }

    static long parseReplicas(String value) {
        try {
            long count = Long.parseLong(value.trim());
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new UserError("Invalid replicas \"" + value + "\": expected a whole number, 0 or more");
    }
}
