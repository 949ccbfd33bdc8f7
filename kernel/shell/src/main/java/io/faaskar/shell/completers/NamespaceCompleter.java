package io.faaskar.shell.completers;

import io.faaskar.api.kernel.FunctionService;
import java.util.List;
import java.util.TreeSet;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the namespaces the providers serve. */
@Service
public class NamespaceCompleter implements Completer {

    @Reference
    FunctionService functions;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        TreeSet<String> names = new TreeSet<>();
        try {
            names.addAll(functions.namespaces());
        } catch (RuntimeException e) {
            // nothing to offer
        }
        return new StringsCompleter(names).complete(session, commandLine, candidates);
    }
}
