package io.faaskar.shell.support;

import org.apache.karaf.shell.api.action.Option;

/** Base of the commands that print either a table or, with {@code --json}, JSON. */
public abstract class JsonAction extends FaasAction {

    @Option(name = "--json", aliases = "-j", description = "Print JSON (the gateway API's field names) instead of a table.")
    protected boolean json;

    protected static void printJson(Object value) {
        out().println(Json.pretty(value));
    }
}
