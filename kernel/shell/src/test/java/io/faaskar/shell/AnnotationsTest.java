package io.faaskar.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faaskar.shell.completers.FunctionNameCompleter;
import io.faaskar.shell.completers.NamespaceCompleter;
import io.faaskar.shell.completers.ProviderNameCompleter;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Completer;
import org.junit.jupiter.api.Test;

/** What Karaf's extender needs and what --help shows: checked for every command without a container. */
class AnnotationsTest {

    static final List<Class<? extends Action>> COMMANDS = List.of(DeployCommand.class, ListCommand.class,
            DescribeCommand.class, InvokeCommand.class, RemoveCommand.class, ScaleCommand.class, LogsCommand.class,
            ProvidersCommand.class, AdminPasswordCommand.class);

    @Test
    void everyCommandIsAFaasServiceWithDescriptions() {
        List<String> names = new ArrayList<>();
        for (Class<? extends Action> type : COMMANDS) {
            assertNotNull(type.getAnnotation(Service.class), type + " needs @Service");
            Command command = type.getAnnotation(Command.class);
            assertEquals("faas", command.scope());
            assertFalse(command.description().isBlank(), type + " needs a description");
            names.add(command.name());
            for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    Option option = f.getAnnotation(Option.class);
                    Argument argument = f.getAnnotation(Argument.class);
                    if (option != null) {
                        assertTrue(option.description().endsWith("."), type.getSimpleName() + " " + option.name());
                    }
                    if (argument != null) {
                        assertTrue(argument.description().endsWith("."), type.getSimpleName() + " " + argument.name());
                    }
                }
            }
        }
        assertEquals(List.of("deploy", "list", "describe", "invoke", "remove", "scale", "logs", "providers",
                "admin-password"), names);
    }

    @Test
    void completersAreServices() {
        for (Class<? extends Completer> type : List.of(FunctionNameCompleter.class, ProviderNameCompleter.class,
                NamespaceCompleter.class)) {
            assertNotNull(type.getAnnotation(Service.class), type + " needs @Service");
        }
    }
}
