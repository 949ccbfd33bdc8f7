package io.faaskar.watchdog.config;

import java.time.Duration;

/**
 * Parses the watchdog's duration values: a plain integer means seconds, anything else is Go duration syntax
 * ({@code 10s}, {@code 1m30s}, {@code 500ms}, {@code 1.5h}, units ns us µs ms s m h). Negative values are rejected.
 */
public final class DurationParser {

    private DurationParser() {
    }

    /** @throws IllegalArgumentException when the value is neither an integer nor a Go duration */
    public static Duration parse(String value) {
        String text = value.trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty duration");
        }
        if (isDigits(text)) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        return parseGoDuration(text);
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return text.length() <= 18;
    }

    private static Duration parseGoDuration(String text) {
        int i = 0;
        if (text.charAt(0) == '+') {
            i++;
        } else if (text.charAt(0) == '-') {
            throw new IllegalArgumentException("negative duration");
        }
        if (i == text.length()) {
            throw new IllegalArgumentException("missing number");
        }
        long totalNanos = 0;
        while (i < text.length()) {
            int numberStart = i;
            while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                i++;
            }
            if (i == numberStart) {
                throw new IllegalArgumentException("missing number");
            }
            String number = text.substring(numberStart, i);
            int unitStart = i;
            while (i < text.length() && !Character.isDigit(text.charAt(i)) && text.charAt(i) != '.') {
                i++;
            }
            long unitNanos = unitNanos(text.substring(unitStart, i));
            totalNanos = Math.addExact(totalNanos, scale(number, unitNanos));
        }
        return Duration.ofNanos(totalNanos);
    }

    private static long scale(String number, long unitNanos) {
        int dot = number.indexOf('.');
        if (dot != number.lastIndexOf('.') || number.equals(".")) {
            throw new IllegalArgumentException("bad number " + number);
        }
        if (dot < 0) {
            return Math.multiplyExact(Long.parseLong(number), unitNanos);
        }
        String whole = number.substring(0, dot);
        String fraction = number.substring(dot + 1);
        long result = whole.isEmpty() ? 0 : Math.multiplyExact(Long.parseLong(whole), unitNanos);
        double fractionValue = fraction.isEmpty() ? 0 : Double.parseDouble("0." + fraction);
        return Math.addExact(result, (long) (fractionValue * unitNanos));
    }

    private static long unitNanos(String unit) {
        switch (unit) {
            case "ns":
                return 1L;
            case "us":
            case "\u00b5s":
            case "\u03bcs":
                return 1_000L;
            case "ms":
                return 1_000_000L;
            case "s":
                return 1_000_000_000L;
            case "m":
                return 60_000_000_000L;
            case "h":
                return 3_600_000_000_000L;
            case "":
                throw new IllegalArgumentException("missing unit");
            default:
                throw new IllegalArgumentException("unknown unit " + unit);
        }
    }

    /** Short human form used in log lines, e.g. {@code 30s}, {@code 500ms}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 == 0) {
            return (millis / 1000) + "s";
        }
        return millis + "ms";
    }
}
