package io.faaskar.watchdog;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The JDK HTTP server formats a Date header for every response with a zone-name pattern; the first use loads
 * locale and time-zone name data (~100 ms). Doing the same formatting on a side thread while the server starts
 * takes that off the first /_/health request.
 */
final class DateHeaderWarmup implements Runnable {

    static void startInBackground() {
        Thread thread = new Thread(new DateHeaderWarmup(), "watchdog-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.US)
                .withZone(ZoneId.of("GMT"))
                .format(Instant.now());
    }
}
