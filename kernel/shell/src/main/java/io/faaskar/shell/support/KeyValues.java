package io.faaskar.shell.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses repeated {@code KEY=VALUE} options ({@code --env}, {@code --label}, {@code --header}...). */
public final class KeyValues {

    private KeyValues() {
    }

    /**
     * Splits each value at its first {@code =}; the key is trimmed and must not be empty, the value may be
     * empty. A later key wins. {@code option} names the option in error messages, e.g. {@code --env}.
     */
    public static Map<String, String> parse(String option, List<String> values) {
        Map<String, String> result = new LinkedHashMap<>();
        if (values == null) {
            return result;
        }
        for (String value : values) {
            Map.Entry<String, String> entry = parseOne(option, value);
            result.put(entry.getKey(), entry.getValue());
        }
        return result;
    }

    public static Map.Entry<String, String> parseOne(String option, String value) {
        int eq = value == null ? -1 : value.indexOf('=');
        String key = eq < 0 ? "" : value.substring(0, eq).trim();
        if (key.isEmpty()) {
            throw new UserError("Invalid " + option + " value \"" + value + "\": expected KEY=VALUE");
        }
        return Map.entry(key, value.substring(eq + 1));
    }
}
