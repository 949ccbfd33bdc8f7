package io.faaskar.watchdog;

import io.faaskar.watchdog.config.ConfigException;
import io.faaskar.watchdog.config.ConfigReader;
import io.faaskar.watchdog.config.WatchdogConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar io.faaskar.watchdog.jar [-version | -run-healthcheck]}: configuration comes from the
 * environment (OpenFaaS watchdog variables), the lock file goes to java.io.tmpdir.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        for (String arg : args) {
            String flag = arg.startsWith("--") ? arg.substring(1) : arg;
            if (flag.equals("-version")) {
                System.out.println("faaskar watchdog");
                System.out.println("Version: " + Version.get());
                System.exit(0);
            } else if (flag.equals("-run-healthcheck")) {
                System.exit(Files.exists(lockDirectory().resolve(".lock")) ? 0 : 1);
            } else {
                System.err.println("Unknown flag: " + arg + "\nUsage: java -jar io.faaskar.watchdog.jar [-version] [-run-healthcheck]");
                System.exit(2);
            }
        }

        DateHeaderWarmup.startInBackground();
        WatchdogConfig config;
        try {
            config = ConfigReader.read(System.getenv(), lockDirectory());
        } catch (ConfigException e) {
            fail(e.getMessage());
            return;
        }
        JdkServerProperties.apply(config);
        if (System.getProperty("jdk.httpclient.allowRestrictedHeaders") == null) {
            System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host"); // http mode forwards Host as of-watchdog
        }

        Watchdog watchdog;
        try {
            watchdog = Watchdog.start(config, new ProcessExit());
        } catch (IOException e) {
            fail(e.getMessage());
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(new DrainOnShutdown(watchdog), "watchdog-drain"));
        awaitForever();
    }

    private static Path lockDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static void fail(String message) {
        System.err.println(Log.timestamp() + " " + message);
        System.exit(1);
    }

    /** Keeps main alive; the process ends through the shutdown hook or a fatal error. */
    private static void awaitForever() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
