package io.faaskar.core.internal;

import java.time.Duration;
import java.util.Locale;

/** Parses durations as OpenFaaS configuration spells them: {@code 60s}, {@code 500ms}, {@code 2m}, {@code 1h}, or bare seconds. */
public final class Durations {

    private Durations() {
    }

    public static Duration parse(String key, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(key + " is empty; expected a duration such as 60s or 500ms");
        }
        String s = text.trim().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (s.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).trim()));
            } else if (s.endsWith("s")) {
                d = Duration.ofMillis(Math.round(Double.parseDouble(s.substring(0, s.length() - 1).trim()) * 1000));
            } else if (s.endsWith("m")) {
                d = Duration.ofSeconds(Math.round(Double.parseDouble(s.substring(0, s.length() - 1).trim()) * 60));
            } else if (s.endsWith("h")) {
                d = Duration.ofSeconds(Math.round(Double.parseDouble(s.substring(0, s.length() - 1).trim()) * 3600));
            } else {
                d = Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000));
            }
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(key + " must be positive, got '" + text + "'");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a duration: '" + text + "'; expected e.g. 60s, 500ms, 2m", e);
        }
    }

    /** A short human form for messages: {@code 60s}, {@code 250ms}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
    }
}
