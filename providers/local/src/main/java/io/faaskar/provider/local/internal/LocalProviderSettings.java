package io.faaskar.provider.local.internal;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The local provider's configuration, resolved: defaults applied, {@code ${karaf.*}} placeholders
 * expanded, durations typed.
 *
 * @param dataDir            functions/, replicas/ and the extracted watchdog live here
 * @param javaCommand        the java executable that runs watchdogs
 * @param watchdogJvmOptions JVM options of every watchdog process
 * @param readinessTimeout   how long a rolling update waits for a new replica to become healthy
 * @param restartBackoff     first delay before restarting a replica that died; doubles up to {@link #MAX_RESTART_BACKOFF}
 * @param healthCheckInterval how often every replica's {@code /_/health} is polled
 * @param stopTimeout        grace between SIGTERM and a forced kill
 * @param maxReplicas        the most replicas one function may have
 * @param release            the bundle version, for {@code /system/info}
 * @param sha                the git commit the bundle was built from, or {@code unknown}
 */
record LocalProviderSettings(
        Path dataDir,
        String javaCommand,
        List<String> watchdogJvmOptions,
        Duration readinessTimeout,
        Duration restartBackoff,
        Duration healthCheckInterval,
        Duration stopTimeout,
        int maxReplicas,
        String release,
        String sha) {

    static final Duration MAX_RESTART_BACKOFF = Duration.ofSeconds(10);
    static final String DEFAULT_JVM_OPTIONS =
            "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -Xmx64m -Xshare:auto -XX:-UsePerfData";

    LocalProviderSettings {
        watchdogJvmOptions = List.copyOf(watchdogJvmOptions);
    }

    static LocalProviderSettings from(LocalFunctionProvider.Config config, String release, String sha) {
        return new LocalProviderSettings(
                dataDir(config.dataDir()),
                javaCommand(config.javaCommand()),
                splitOptions(config.watchdogJvmOptions()),
                Duration.ofSeconds(atLeast(config.readinessTimeoutSeconds(), 1)),
                Duration.ofMillis(atLeast(config.restartBackoffMillis(), 10)),
                Duration.ofMillis(atLeast(config.healthCheckIntervalMillis(), 50)),
                Duration.ofSeconds(atLeast(config.stopTimeoutSeconds(), 1)),
                atLeast(config.maxReplicas(), 1),
                release, sha);
    }

    /** The defaults with a given data directory, as tests and the component's defaults use them. */
    static LocalProviderSettings defaults(Path dataDir) {
        return new LocalProviderSettings(dataDir, javaCommand(""), splitOptions(DEFAULT_JVM_OPTIONS),
                Duration.ofSeconds(30), Duration.ofMillis(500), Duration.ofMillis(250), Duration.ofSeconds(10),
                50, "0.0.0", "unknown");
    }

    LocalProviderSettings withReadinessTimeout(Duration timeout) {
        return new LocalProviderSettings(dataDir, javaCommand, watchdogJvmOptions, timeout, restartBackoff,
                healthCheckInterval, stopTimeout, maxReplicas, release, sha);
    }

    Path functionsDir() {
        return dataDir.resolve("functions");
    }

    Path replicasDir() {
        return dataDir.resolve("replicas");
    }

    Path watchdogDir() {
        return dataDir.resolve("watchdog");
    }

    static Path dataDir(String configured) {
        String value = expand(configured == null ? "" : configured.trim());
        if (!value.isEmpty()) {
            return Paths.get(value).toAbsolutePath();
        }
        String karafData = System.getProperty("karaf.data");
        if (karafData != null && !karafData.isBlank()) {
            return Paths.get(karafData, "faaskar", "local").toAbsolutePath();
        }
        return Paths.get(System.getProperty("java.io.tmpdir"), "faaskar-local").toAbsolutePath();
    }

    static String javaCommand(String configured) {
        if (configured != null && !configured.isBlank()) {
            return expand(configured.trim());
        }
        String exe = Platform.isWindows() ? "java.exe" : "java";
        return Paths.get(System.getProperty("java.home"), "bin", exe).toString();
    }

    static List<String> splitOptions(String options) {
        if (options == null || options.isBlank()) {
            return List.of();
        }
        return Arrays.stream(options.trim().split("\\s+")).toList();
    }

    /** Expands {@code ${karaf.home}}, {@code ${karaf.base}} and {@code ${karaf.data}} when the cfg file did not. */
    private static String expand(String value) {
        String result = value;
        for (String key : List.of("karaf.data", "karaf.base", "karaf.home")) {
            String token = "${" + key + "}";
            String replacement = System.getProperty(key);
            if (result.contains(token) && replacement != null) {
                result = result.replace(token, replacement);
            }
        }
        return result;
    }

    private static int atLeast(int value, int min) {
        return Math.max(value, min);
    }

    private static long atLeast(long value, long min) {
        return Math.max(value, min);
    }
}
