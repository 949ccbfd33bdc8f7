package io.faaskar.shell.support;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code faas:logs --since}: a duration back from now ({@code 10m}, {@code 1h30m}) or an RFC 3339 time. */
public final class Since {

    private static final Pattern DURATION = Pattern.compile("(?:\\d+(?:ms|s|m|h|d))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Since() {
    }

    public static Instant parse(String value, Instant now) {
        String v = value == null ? "" : value.trim();
        if (DURATION.matcher(v).matches()) {
            Duration total = Duration.ZERO;
            Matcher m = PART.matcher(v);
            while (m.find()) {
                long n = Long.parseLong(m.group(1));
                total = total.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                });
            }
            return now.minus(total);
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new UserError("Invalid --since value \"" + value
                    + "\": give a duration like 10m or 1h30m, or a time like 2024-05-01T12:00:00Z");
        }
    }
}
