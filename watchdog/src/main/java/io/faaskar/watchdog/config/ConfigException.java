package io.faaskar.watchdog.config;

/** An environment variable is missing or invalid; the message names it. */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
