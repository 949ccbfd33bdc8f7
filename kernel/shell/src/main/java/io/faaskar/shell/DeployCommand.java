package io.faaskar.shell;

import io.faaskar.api.kernel.FunctionService;
import io.faaskar.api.model.FunctionDeployment;
import io.faaskar.api.model.FunctionResources;
import io.faaskar.shell.completers.NamespaceCompleter;
import io.faaskar.shell.completers.ProviderNameCompleter;
import io.faaskar.shell.support.DeployFlags;
import io.faaskar.shell.support.FaasAction;
import io.faaskar.shell.support.Failures;
import io.faaskar.shell.support.FunctionDeployer;
import io.faaskar.shell.support.Glob;
import io.faaskar.shell.support.KeyValues;
import io.faaskar.shell.support.StackFileReader;
import io.faaskar.shell.support.UserError;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.FileCompleter;

@Service
@Command(scope = "faas", name = "deploy",
        description = "Deploys or updates functions, like faas-cli deploy: one function described by the options, "
                + "or every function of a stack file (--yaml).",
        detailedDescription = "By default an existing function is updated and a missing one is created "
                + "(--update=false or --no-update only creates). Options go before the NAME argument. "
                + "With --yaml, options such as --env, --label, --annotation and --secret are added to every "
                + "function of the file and win over its values; --namespace replaces the file's namespace.")
public class DeployCommand extends FaasAction {

    @Reference
    FunctionService functions;

    @Reference(optional = true)
    Session session;

    @Argument(index = 0, name = "name", required = false,
            description = "Name of the function to deploy (same as --name): lowercase letters, digits and '-'.")
    String nameArgument;

    @Option(name = "--name", description = "Name of the function to deploy: lowercase letters, digits and '-'.")
    String name;

    @Option(name = "--image", description = "Container image of the function, for providers that run images.")
    String image;

    @Option(name = "--fprocess", description = "Command the watchdog runs for each request (or as its upstream "
            + "server), e.g. \"python3 handler.py\". The local provider needs only this.")
    String fprocess;

    @Option(name = "--env", aliases = "-e", multiValued = true,
            description = "Environment variable of the function as KEY=VALUE. Repeat for several.")
    List<String> env;

    @Option(name = "--label", aliases = "-l", multiValued = true,
            description = "Label as KEY=VALUE, e.g. com.openfaas.scale.min=2. Repeat for several.")
    List<String> labels;

    @Option(name = "--annotation", multiValued = true,
            description = "Annotation as KEY=VALUE. Repeat for several.")
    List<String> annotations;

    @Option(name = "--constraint", multiValued = true,
            description = "Placement constraint for the provider, e.g. \"node.platform.os == linux\". "
                    + "Used only when the stack file gives none. Repeat for several.")
    List<String> constraints;

    @Option(name = "--secret", multiValued = true,
            description = "Secret to give the function (it must exist on the provider). Repeat for several.")
    List<String> secrets;

    @Option(name = "--namespace", aliases = "-n", description = "Namespace to deploy to (default openfaas-fn).")
    @Completion(NamespaceCompleter.class)
    String namespace;

    @Option(name = "--provider", description = "Provider that must run the function (sets the annotation "
            + "com.faaskar.provider); by default the kernel's default provider. See faas:providers.")
    @Completion(ProviderNameCompleter.class)
    String provider;

    @Option(name = "--update", description = "Update the function when it exists, else create it. "
            + "--update=false only creates, and fails when the function exists.")
    boolean update = true;

    @Option(name = "--no-update", description = "Only create the function; fail when it exists (same as --update=false).")
    boolean noUpdate;

    @Option(name = "--readonly", description = "Make the function's root filesystem read-only.")
    boolean readOnly;

    @Option(name = "--memory-limit", description = "Memory limit, e.g. 128Mi.")
    String memoryLimit;

    @Option(name = "--cpu-limit", description = "CPU limit, e.g. 500m or 0.5.")
    String cpuLimit;

    @Option(name = "--memory-request", description = "Memory request, e.g. 64Mi.")
    String memoryRequest;

    @Option(name = "--cpu-request", description = "CPU request, e.g. 100m.")
    String cpuRequest;

    @Option(name = "--yaml", aliases = "-f", description = "Stack file (faas-cli stack.yml format) whose functions "
            + "to deploy; relative paths start from the shell's current directory.")
    @Completion(FileCompleter.class)
    String yaml;

    @Option(name = "--filter", description = "With --yaml, deploy only the functions whose name matches this "
            + "wildcard pattern (* and ?).")
    String filter;

    @Option(name = "--envsubst", description = "With --yaml, replace ${VAR} and ${VAR:-default} in the file by "
            + "environment variables of the Karaf process (default true; --envsubst=false to turn off).")
    boolean envsubst = true;

    @Override
    protected void run() throws Exception {
        DeployFlags flags = new DeployFlags(namespace,
                KeyValues.parse("--env", env),
                KeyValues.parse("--label", labels),
                KeyValues.parse("--annotation", annotations),
                constraints, secrets, provider, readOnly,
                FunctionResources.of(memoryLimit, cpuLimit),
                FunctionResources.of(memoryRequest, cpuRequest));
        List<FunctionDeployment> deployments = new ArrayList<>();
        for (FunctionDeployment d : yaml != null ? fromStackFile() : List.of(fromOptions())) {
            deployments.add(flags.applyTo(d));
        }
        deployAll(deployments, update && !noUpdate);
    }

    private FunctionDeployment fromOptions() {
        if (filter != null) {
            throw new UserError("--filter selects functions of a stack file: use it with --yaml");
        }
        if (name != null && nameArgument != null && !name.equals(nameArgument)) {
            throw new UserError("Two names given (" + nameArgument + " and --name " + name + "): give one");
        }
        String fn = name != null ? name : nameArgument;
        if (fn == null || fn.isBlank()) {
            throw new UserError("Give the function's name (faas:deploy [options] NAME, or --name NAME), "
                    + "or a stack file with --yaml");
        }
        return new FunctionDeployment(fn.trim(), image, null, fprocess, Map.of(), List.of(), List.of(),
                Map.of(), Map.of(), null, null, null);
    }

    private List<FunctionDeployment> fromStackFile() {
        if (name != null || nameArgument != null || image != null || fprocess != null) {
            throw new UserError("--yaml deploys the functions of the file: leave out the name, --image and "
                    + "--fprocess (use --filter to pick functions)");
        }
        Path file = resolve(yaml);
        List<FunctionDeployment> all = new StackFileReader(envsubst ? System::getenv : null).read(file);
        if (filter == null) {
            return all;
        }
        List<FunctionDeployment> selected = all.stream().filter(d -> Glob.matches(filter, d.service())).toList();
        if (selected.isEmpty()) {
            throw new UserError("No function of " + file.getFileName() + " matches --filter " + filter);
        }
        return selected;
    }

    private Path resolve(String path) {
        Path p = Paths.get(path);
        if (!p.isAbsolute() && session != null && session.currentDir() != null) {
            return session.currentDir().resolve(p);
        }
        return p;
    }

    private void deployAll(List<FunctionDeployment> deployments, boolean update) {
        FunctionDeployer deployer = new FunctionDeployer(functions);
        if (deployments.size() == 1) {
            print(deployer.deploy(deployments.get(0), update));
            return;
        }
        List<String> failed = new ArrayList<>();
        int i = 0;
        for (FunctionDeployment d : deployments) {
            out().println("Deploying " + d.service() + " (" + ++i + "/" + deployments.size() + ")...");
            try {
                print(deployer.deploy(d, update));
            } catch (RuntimeException e) {
                err().println("Failed to deploy " + d.service() + ": " + Failures.describe(e));
                failed.add(d.service());
            }
        }
        if (!failed.isEmpty()) {
            throw new UserError(failed.size() + " of " + deployments.size() + " functions failed to deploy: "
                    + String.join(", ", failed));
        }
    }

    private static void print(FunctionDeployer.Result result) {
        out().println("Deployed " + result.name() + " on provider " + result.provider() + ".");
    }
}
