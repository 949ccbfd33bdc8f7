package io.faaskar.watchdog;

import io.faaskar.watchdog.config.WatchdogConfig;
import java.time.Duration;

/**
 * read_timeout / write_timeout for the JDK HTTP server, which only takes them as system properties (whole seconds)
 * read once when the server classes load: set before the first server is created, unless given with -D.
 */
final class ServerTimeouts {

    private ServerTimeouts() {
    }

    static void apply(WatchdogConfig config) {
        setIfAbsent("sun.net.httpserver.maxReqTime", config.readTimeout());
        setIfAbsent("sun.net.httpserver.maxRspTime", config.writeTimeout());
    }

    private static void setIfAbsent(String property, Duration timeout) {
        if (System.getProperty(property) == null && !timeout.isZero()) {
            long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
            System.setProperty(property, Long.toString(seconds));
        }
    }
}
