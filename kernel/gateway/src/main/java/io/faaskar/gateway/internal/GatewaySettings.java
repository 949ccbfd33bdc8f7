package io.faaskar.gateway.internal;

import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's effective settings: the {@code io.faaskar.gateway} configuration, where the environment wins
 * for the listen address so that containers and scripts can move the gateway without editing etc/:
 * <ul>
 *   <li>{@code FAASKAR_GATEWAY_HOST} replaces {@code host} (e.g. {@code 0.0.0.0} to listen on every interface);</li>
 *   <li>{@code FAASKAR_GATEWAY_PORT} replaces {@code port}.</li>
 * </ul>
 * A port of 0 binds an ephemeral port (used by tests); {@code metricsEnabled} false means no separate
 * metrics listener ({@code metricsPort} &lt;= 0 in the configuration).
 */
public record GatewaySettings(
        String host,
        int port,
        boolean metricsEnabled,
        int metricsPort,
        long maxSystemBodyBytes,
        long maxFunctionBodyBytes,
        int readTimeoutSeconds,
        int writeTimeoutSeconds,
        boolean authEnabled) {

    public static final String HOST_ENV = "FAASKAR_GATEWAY_HOST";
    public static final String PORT_ENV = "FAASKAR_GATEWAY_PORT";

    private static final Logger LOG = LoggerFactory.getLogger(GatewaySettings.class);

    public GatewaySettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        checkPort("port", port);
        checkPort("metricsPort", metricsPort);
        if (maxSystemBodyBytes <= 0 || maxFunctionBodyBytes <= 0) {
            throw new IllegalArgumentException("maxSystemBodyBytes and maxFunctionBodyBytes must be positive");
        }
        if (readTimeoutSeconds <= 0 || writeTimeoutSeconds <= 0) {
            throw new IllegalArgumentException("readTimeout and writeTimeout must be positive (seconds)");
        }
        host = host.trim();
    }

    /** Settings from the configuration, then {@value #HOST_ENV} and {@value #PORT_ENV} from {@code env}. */
    public static GatewaySettings from(GatewayComponent.Config config, Map<String, String> env) {
        String host = config.host();
        String envHost = env.get(HOST_ENV);
        if (envHost != null && !envHost.isBlank()) {
            host = envHost.trim();
        }
        int port = config.port();
        String envPort = env.get(PORT_ENV);
        if (envPort != null && !envPort.isBlank()) {
            try {
                port = Integer.parseInt(envPort.trim());
            } catch (NumberFormatException e) {
                LOG.warn("Ignoring {}='{}': not a port number; using port {} from the configuration",
                        PORT_ENV, envPort, port);
            }
        }
        int metricsPort = config.metricsPort();
        return new GatewaySettings(host, port, metricsPort > 0, Math.max(metricsPort, 0),
                config.maxSystemBodyBytes(), config.maxFunctionBodyBytes(),
                config.readTimeout(), config.writeTimeout(), config.authEnabled());
    }

    /** Jetty has one idle timeout for reads and writes: the longer of the two. */
    public Duration idleTimeout() {
        return Duration.ofSeconds(Math.max(readTimeoutSeconds, writeTimeoutSeconds));
    }

    public Duration writeTimeout() {
        return Duration.ofSeconds(writeTimeoutSeconds);
    }

    private static void checkPort(String key, int value) {
        if (value < 0 || value > 65535) {
            throw new IllegalArgumentException(key + " must be between 0 and 65535, was " + value);
        }
    }
}
