package io.faaskar.gateway.internal.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path template as gorilla/mux writes them: literal text, {@code {name}} for one segment of
 * {@code [-a-zA-Z_0-9.]+} and {@code {rest*}} for the remainder of the path (possibly empty).
 * No trailing-slash leniency: {@code /system/functions/} does not match {@code /system/functions}.
 */
final class PathPattern {

    private static final String SEGMENT = "[-a-zA-Z_0-9.]+";
    private static final Pattern VARIABLE = Pattern.compile("\\{([a-zA-Z]+)(\\*?)}");

    private final String template;
    private final String literalPrefix;
    private final Pattern regex;
    private final List<String> names;

    private PathPattern(String template, String literalPrefix, Pattern regex, List<String> names) {
        this.template = template;
        this.literalPrefix = literalPrefix;
        this.regex = regex;
        this.names = names;
    }

    static PathPattern compile(String template) {
        StringBuilder regex = new StringBuilder();
        List<String> names = new ArrayList<>();
        Matcher m = VARIABLE.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            regex.append('(').append(m.group(2).isEmpty() ? SEGMENT : ".*").append(')');
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        int brace = template.indexOf('{');
        String prefix = brace < 0 ? template : template.substring(0, brace);
        return new PathPattern(template, prefix, Pattern.compile(regex.toString()), List.copyOf(names));
    }

    /** The variables of a matching path, or null when the path does not match. */
    Map<String, String> match(String path) {
        if (!path.startsWith(literalPrefix)) {
            return null;
        }
        if (names.isEmpty()) {
            return path.length() == literalPrefix.length() ? Map.of() : null;
        }
        Matcher m = regex.matcher(path);
        if (!m.matches()) {
            return null;
        }
        Map<String, String> values = new HashMap<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i), m.group(i + 1));
        }
        return values;
    }

    @Override
    public String toString() {
        return template;
    }
}
