package io.faaskar.shell.completers;

import io.faaskar.api.kernel.FunctionService;
import io.faaskar.api.kernel.ProviderDescription;
import java.util.List;
import java.util.TreeSet;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the names of the registered providers. */
@Service
public class ProviderNameCompleter implements Completer {

    @Reference
    FunctionService functions;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        TreeSet<String> names = new TreeSet<>();
        try {
            functions.providers().stream().map(ProviderDescription::name).forEach(names::add);
        } catch (RuntimeException e) {
            // nothing to offer
        }
        return new StringsCompleter(names).complete(session, commandLine, candidates);
    }
}
