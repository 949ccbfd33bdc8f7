package io.faaskar.watchdog;

import io.faaskar.watchdog.config.WatchdogConfig;
import java.time.Duration;

/**
 * Settings of the JDK HTTP server that it only takes as system properties, read once when its
 * classes load: set before the first server is created, unless given with -D.
 */
final class JdkServerProperties {

    private JdkServerProperties() {
    }

    static void apply(WatchdogConfig config) {
        // read_timeout / write_timeout, in whole seconds
        setIfAbsent("sun.net.httpserver.maxReqTime", config.readTimeout());
        setIfAbsent("sun.net.httpserver.maxRspTime", config.writeTimeout());
        // The server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and the
        // client's delayed ACK hold every keep-alive response back by ~40 ms.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static void setIfAbsent(String property, Duration timeout) {
        if (System.getProperty(property) == null && !timeout.isZero()) {
            long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
            System.setProperty(property, Long.toString(seconds));
        }
    }
}
