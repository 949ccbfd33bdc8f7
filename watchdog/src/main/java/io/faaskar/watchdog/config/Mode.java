package io.faaskar.watchdog.config;

/** How the function process is run. */
public enum Mode {
    /** Fork fprocess per request, buffer its output (the classic watchdog). */
    CLASSIC("classic"),
    /** of-watchdog's name for fork-per-request with buffered output: behaves as classic. */
    SERIALIZING("serializing"),
    /** Fork fprocess once, reverse-proxy every request to its HTTP server. */
    HTTP("http");

    private final String envName;

    Mode(String envName) {
        this.envName = envName;
    }

    public String envName() {
        return envName;
    }

    public boolean forksPerRequest() {
        return this != HTTP;
    }

    /** @return the mode for an env value, or null when unknown */
    public static Mode fromEnv(String value) {
        for (Mode mode : values()) {
            if (mode.envName.equals(value)) {
                return mode;
            }
        }
        return null;
    }
}
