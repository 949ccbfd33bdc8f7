package io.faaskar.shell.completers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faaskar.api.kernel.ProviderDescription;
import io.faaskar.api.model.FunctionDeployment;
import io.faaskar.shell.support.FakeFunctionService;
import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.console.CommandLine;
import org.junit.jupiter.api.Test;

class CompletersTest {

    private static CommandLine typing(String word) {
        return new CommandLine() {
            public int getCursorArgumentIndex() {
                return 1;
            }

            public String getCursorArgument() {
                return word;
            }

            public int getArgumentPosition() {
                return word.length();
            }

            public String[] getArguments() {
                return new String[] {"faas:describe", word};
            }

            public int getBufferPosition() {
                return getBuffer().length();
            }

            public String getBuffer() {
                return "faas:describe " + word;
            }
        };
    }

    @Test
    void functionNamesAcrossNamespaces() {
        FakeFunctionService service = new FakeFunctionService();
        service.deploy(fn("hello", null));
        service.deploy(fn("hello", "dev"));
        service.deploy(fn("help", "openfaas-fn"));
        FunctionNameCompleter completer = new FunctionNameCompleter();
        completer.functions = service;
        List<String> candidates = new ArrayList<>();
        completer.complete(null, typing("hel"), candidates);
        assertEquals(List.of("hello", "hello.dev", "help"), candidates.stream().map(String::strip).sorted().toList());
    }

    @Test
    void providerNames() {
        FakeFunctionService service = new FakeFunctionService();
        service.providers.add(new ProviderDescription("local", null, null, true));
        service.providers.add(new ProviderDescription("swarm", null, null, false));
        ProviderNameCompleter completer = new ProviderNameCompleter();
        completer.functions = service;
        List<String> candidates = new ArrayList<>();
        completer.complete(null, typing("s"), candidates);
        assertEquals(List.of("swarm"), candidates.stream().map(String::strip).toList());
    }

    private static FunctionDeployment fn(String name, String namespace) {
        return new FunctionDeployment(name, null, namespace, "cat", null, null, null, null, null, null, null, null);
    }
}
