package io.faaskar.shell;

import io.faaskar.api.kernel.FunctionService;
import io.faaskar.api.model.FunctionRef;
import io.faaskar.api.provider.FunctionNotFoundException;
import io.faaskar.shell.completers.FunctionNameCompleter;
import io.faaskar.shell.completers.NamespaceCompleter;
import io.faaskar.shell.support.FaasAction;
import io.faaskar.shell.support.Failures;
import io.faaskar.shell.support.UserError;
import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "faas", name = "remove",
        description = "Removes functions and everything their provider created for them (replicas, services).")
public class RemoveCommand extends FaasAction {

    @Reference
    FunctionService functions;

    @Argument(index = 0, name = "names", required = true, multiValued = true,
            description = "Functions to remove, each as NAME or NAME.NAMESPACE.")
    @Completion(FunctionNameCompleter.class)
    List<String> names;

    @Option(name = "--namespace", aliases = "-n", description = NAMESPACE_HELP)
    @Completion(NamespaceCompleter.class)
    String namespace;

    @Override
    protected void run() {
        if (names.size() == 1) {
            remove(ref(names.get(0), namespace));
            return;
        }
        List<String> failed = new ArrayList<>();
        for (String name : names) {
            try {
                remove(ref(name, namespace));
            } catch (RuntimeException e) {
                err().println("Failed to remove " + name + ": " + Failures.describe(e));
                failed.add(name);
            }
        }
        if (!failed.isEmpty()) {
            throw new UserError(failed.size() + " of " + names.size() + " functions were not removed: "
                    + String.join(", ", failed));
        }
    }

    private void remove(FunctionRef ref) {
        try {
            functions.remove(ref);
        } catch (FunctionNotFoundException e) {
            throw new UserError("No function " + ref.name() + " in namespace " + ref.namespace() + " to remove", e);
        }
        out().println("Removed " + ref.name() + ".");
    }
}
