package io.faaskar.watchdog.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The fprocess command line split on single spaces, exactly like OpenFaaS: no shell, no quoting,
 * so {@code "a  b"} gives {@code [a, "", b]}.
 */
public final class FunctionCommand {

    private FunctionCommand() {
    }

    public static List<String> split(String fprocess) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int space;
        while ((space = fprocess.indexOf(' ', start)) >= 0) {
            parts.add(fprocess.substring(start, space));
            start = space + 1;
        }
        parts.add(fprocess.substring(start));
        return List.copyOf(parts);
    }
}
