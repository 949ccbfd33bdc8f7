package io.faaskar.shell;

import io.faaskar.api.kernel.FunctionInvoker;
import io.faaskar.api.kernel.InvocationRequest;
import io.faaskar.api.kernel.InvocationResponse;
import io.faaskar.api.model.FunctionRef;
import io.faaskar.shell.completers.FunctionNameCompleter;
import io.faaskar.shell.completers.NamespaceCompleter;
import io.faaskar.shell.support.FaasAction;
import io.faaskar.shell.support.Invocations;
import io.faaskar.shell.support.UserError;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

@Service
@Command(scope = "faas", name = "invoke",
        description = "Invokes a function synchronously, like faas-cli invoke, and prints its answer.",
        detailedDescription = "The request body is the DATA argument; without it the body is read from standard "
                + "input until its end, e.g. echo hello | faas:invoke NAME (quote DATA holding spaces, braces or $). "
                + "A status other than 2xx prints the answer to the error output and fails the command.")
public class InvokeCommand extends FaasAction {

    @Reference
    FunctionInvoker invoker;

    @Reference(optional = true)
    Session session;

    @Argument(index = 0, name = "name", required = true, description = "The function, as NAME or NAME.NAMESPACE.")
    @Completion(FunctionNameCompleter.class)
    String name;

    @Argument(index = 1, name = "data", required = false,
            description = "Request body. When absent, the body is read from standard input.")
    String data;

    @Option(name = "--namespace", aliases = "-n", description = NAMESPACE_HELP)
    @Completion(NamespaceCompleter.class)
    String namespace;

    @Option(name = "--method", aliases = "-m", description = "HTTP method of the request (default POST).")
    String method = "POST";

    @Option(name = "--path", description = "Path after /function/NAME, e.g. /orders/1 (default /).")
    String path = "/";

    @Option(name = "--query", aliases = "-q", multiValued = true,
            description = "Query parameter as KEY=VALUE, URL-encoded for you. Repeat for several.")
    List<String> query;

    @Option(name = "--header", aliases = "-H", multiValued = true,
            description = "Request header as NAME=VALUE. Repeat for several.")
    List<String> headers;

    @Option(name = "--content-type", description = "Content-Type of the request body (default text/plain).")
    String contentType = "text/plain";

    @Option(name = "--verbose", aliases = "-v", description = "Print the status line, the replica that answered "
            + "and the response headers before the body.")
    boolean verbose;

    @Override
    protected void run() throws Exception {
        FunctionRef ref = ref(name, namespace);
        byte[] body = body();
        InvocationRequest request = new InvocationRequest(ref, Invocations.method(method), Invocations.path(path),
                Invocations.rawQuery(query), Invocations.headers(headers, contentType),
                new ByteArrayInputStream(body), body.length);
        try (InvocationResponse response = invoker.invoke(request)) {
            int status = response.status();
            boolean success = Invocations.isSuccess(status);
            if (verbose) {
                printHead(response);
            }
            PrintStream target = success ? out() : err();
            try (InputStream in = response.body()) {
                if (in != null) {
                    in.transferTo(target);
                }
            }
            target.flush();
            if (!success) {
                throw new UserError("Function " + ref.name() + " answered HTTP " + status);
            }
        }
    }

    private byte[] body() throws Exception {
        if (data != null) {
            return data.getBytes(StandardCharsets.UTF_8);
        }
        // Karaf binds System.in to the command's standard input: a pipe, a redirect, or the terminal.
        InputStream in = System.in != null ? System.in : session == null ? null : session.getKeyboard();
        if (in == null) {
            return new byte[0];
        }
        if (session != null && session.getTerminal() != null) {
            err().println("Reading the request body from standard input (end it with Ctrl-D)...");
        }
        try {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new UserError("Cannot read the request body from standard input: " + e.getMessage(), e);
        }
    }

    private static void printHead(InvocationResponse response) {
        PrintStream out = out();
        out.println("HTTP " + response.status() + (response.instance() == null ? "" : " from replica " + response.instance()));
        if (response.headers() != null) {
            for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
                for (String value : header.getValue()) {
                    out.println(header.getKey() + ": " + value);
                }
            }
        }
        out.println();
    }
}
