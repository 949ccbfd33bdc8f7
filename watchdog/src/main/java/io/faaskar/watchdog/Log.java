package io.faaskar.watchdog;

import java.io.PrintStream;

/**
 * The watchdog's log: one line per event on stdout, prefixed with a UTC timestamp
 * ({@code yyyy/MM/dd HH:mm:ss}, the layout Go's log package uses so tooling that greps OpenFaaS logs keeps working).
 * The date is computed by hand: java.time would load the time-zone database, ~100 ms of startup.
 */
public final class Log {

    private static final PrintStream OUT = System.out;

    private Log() {
    }

    public static void info(String message) {
        String line = timestamp() + " " + message;
        synchronized (OUT) {
            OUT.println(line);
        }
    }

    /** A line as is, for child output when prefix_logs is off. */
    public static void raw(String line) {
        synchronized (OUT) {
            OUT.println(line);
        }
    }

    public static String timestamp() {
        return format(System.currentTimeMillis());
    }

    /** {@code yyyy/MM/dd HH:mm:ss} in UTC for epoch millis (civil-from-days, proleptic Gregorian). */
    static String format(long epochMillis) {
        long days = Math.floorDiv(epochMillis, 86_400_000L);
        int secondOfDay = (int) (Math.floorMod(epochMillis, 86_400_000L) / 1000);
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthIndex = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * monthIndex + 2) / 5 + 1);
        int month = (int) (monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);

        StringBuilder sb = new StringBuilder(19);
        sb.append(year).append('/');
        pad2(sb, month).append('/');
        pad2(sb, day).append(' ');
        pad2(sb, secondOfDay / 3600).append(':');
        pad2(sb, secondOfDay / 60 % 60).append(':');
        pad2(sb, secondOfDay % 60);
        return sb.toString();
    }

    private static StringBuilder pad2(StringBuilder sb, int value) {
        if (value < 10) {
            sb.append('0');
        }
        return sb.append(value);
    }
}
