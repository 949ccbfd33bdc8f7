package io.faaskar.watchdog.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Reads {@link WatchdogConfig} from environment variables named as in the OpenFaaS watchdog contract.
 * Empty values count as unset; invalid values fail with a message naming the variable.
 */
public final class ConfigReader {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, String> env;

    private ConfigReader(Map<String, String> env) {
        this.env = env;
    }

    public static WatchdogConfig read(Map<String, String> env, Path lockDirectory) throws ConfigException {
        return new ConfigReader(env).read(lockDirectory);
    }

    private WatchdogConfig read(Path lockDirectory) throws ConfigException {
        Mode mode = readMode();
        String fprocess = firstSet("function_process", "fprocess");
        if (fprocess == null) {
            throw new ConfigException("Provide a function process: set fprocess (or function_process) to the command to run");
        }
        URI upstream = mode == Mode.HTTP ? readUpstream() : null;
        int port = readInt("port", 8080, 0, 65535);
        Duration readTimeout = readDuration("read_timeout", DEFAULT_TIMEOUT);
        Duration writeTimeout = readDuration("write_timeout", DEFAULT_TIMEOUT);
        // classic watchdog: exec_timeout off by default; of-watchdog (serializing, http): 30s
        Duration execTimeout = readDuration("exec_timeout", mode == Mode.CLASSIC ? Duration.ZERO : DEFAULT_TIMEOUT);
        Duration healthcheckInterval = readDuration("healthcheck_interval", writeTimeout);
        int maxInflight = readInt("max_inflight", 0, 0, Integer.MAX_VALUE);
        return new WatchdogConfig(mode, FunctionCommand.split(fprocess), upstream, value("bind_address"), port,
                readTimeout, writeTimeout, execTimeout, healthcheckInterval, maxInflight,
                readBoolean("combine_output", true),
                value("content_type"),
                readBoolean("write_debug", false),
                readBoolean("suppress_lock", false),
                readBoolean("cgi_headers", true),
                readBoolean("marshal_request", false),
                readBoolean("prefix_logs", true),
                lockDirectory);
    }

    private Mode readMode() throws ConfigException {
        String value = value("mode");
        if (value == null) {
            return Mode.CLASSIC;
        }
        Mode mode = Mode.fromEnv(value);
        if (mode == null) {
            throw new ConfigException("Unknown mode: \"" + value + "\" (set mode to classic, serializing or http)");
        }
        return mode;
    }

    private URI readUpstream() throws ConfigException {
        String value = firstSet("http_upstream_url", "upstream_url");
        if (value == null) {
            throw new ConfigException("mode http needs upstream_url (or http_upstream_url), e.g. http://127.0.0.1:5000");
        }
        try {
            URI uri = new URI(value);
            if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new URISyntaxException(value, "expected http://host:port");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException("Invalid value for upstream_url: \"" + value + "\" (expected http://host:port)");
        }
    }

    private Duration readDuration(String name, Duration fallback) throws ConfigException {
        String value = value(name);
        if (value == null) {
            return fallback;
        }
        try {
            return DurationParser.parse(value);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ConfigException("Invalid value for " + name + ": \"" + value
                    + "\" (expected seconds or a Go duration such as 10s, 1m30s, 500ms)");
        }
    }

    private int readInt(String name, int fallback, int min, int max) throws ConfigException {
        String value = value(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException("Invalid value for " + name + ": \"" + value
                + "\" (expected an integer from " + min + " to " + max + ")");
    }

    private boolean readBoolean(String name, boolean fallback) throws ConfigException {
        String value = value(name);
        if (value == null) {
            return fallback;
        }
        String normalized = value.trim().toLowerCase(java.util.Locale.ROOT);
        if (normalized.equals("true") || normalized.equals("1")) {
            return true;
        }
        if (normalized.equals("false") || normalized.equals("0")) {
            return false;
        }
        throw new ConfigException("Invalid value for " + name + ": \"" + value + "\" (expected true or false)");
    }

    private String firstSet(String preferred, String other) {
        String value = value(preferred);
        return value != null ? value : value(other);
    }

    private String value(String name) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
