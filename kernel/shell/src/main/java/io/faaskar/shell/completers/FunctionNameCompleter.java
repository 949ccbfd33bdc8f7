package io.faaskar.shell.completers;

import io.faaskar.api.kernel.FunctionService;
import io.faaskar.api.model.FunctionRef;
import io.faaskar.api.model.FunctionStatus;
import java.util.List;
import java.util.TreeSet;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes function names: NAME in openfaas-fn, NAME.NAMESPACE elsewhere. */
@Service
public class FunctionNameCompleter implements Completer {

    @Reference
    FunctionService functions;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(names(functions)).complete(session, commandLine, candidates);
    }

    static TreeSet<String> names(FunctionService functions) {
        TreeSet<String> names = new TreeSet<>();
        try {
            for (String namespace : functions.namespaces()) {
                for (FunctionStatus status : functions.list(namespace)) {
                    if (status.name() != null) {
                        names.add(FunctionRef.DEFAULT_NAMESPACE.equals(namespace)
                                ? status.name() : status.name() + "." + namespace);
                    }
                }
            }
        } catch (RuntimeException e) {
            // completion offers what it can; a failing provider must not break the console
        }
        return names;
    }
}
