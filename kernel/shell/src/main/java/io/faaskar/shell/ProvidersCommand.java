package io.faaskar.shell;

import io.faaskar.api.kernel.FunctionService;
import io.faaskar.api.kernel.ProviderDescription;
import io.faaskar.shell.support.JsonAction;
import io.faaskar.shell.support.ProviderRows;
import java.util.Comparator;
import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "faas", name = "providers",
        description = "Lists the registered function providers: what they orchestrate, their version, which one "
                + "is the default, the OSes and namespaces they serve and what they can do.")
public class ProvidersCommand extends JsonAction {

    @Reference
    FunctionService functions;

    @Override
    protected void run() {
        List<ProviderDescription> providers = functions.providers().stream()
                .sorted(Comparator.comparing(ProviderDescription::name)).toList();
        if (json) {
            printJson(providers);
        } else {
            printTable(ProviderRows.HEADERS, ProviderRows.of(providers).stream().map(ProviderRows.Row::cells).toList());
        }
    }
}
