package io.faaskar.watchdog.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything the watchdog needs, read once at startup (see {@link ConfigReader} for the env names and defaults).
 *
 * @param command       fprocess split on single spaces
 * @param upstreamUrl   http mode only, else null
 * @param bindAddress   address to listen on (faaskar's {@code bind_address}), or null for every interface
 * @param port          0 picks a free port (logged in "Listening on port N")
 * @param execTimeout   zero = disabled
 * @param maxInflight   zero = unlimited
 * @param contentType   forced response Content-Type, or null
 * @param lockDirectory where {@code .lock} is written (java.io.tmpdir)
 */
public record WatchdogConfig(
        Mode mode,
        List<String> command,
        URI upstreamUrl,
        String bindAddress,
        int port,
        Duration readTimeout,
        Duration writeTimeout,
        Duration execTimeout,
        Duration healthcheckInterval,
        int maxInflight,
        boolean combineOutput,
        String contentType,
        boolean writeDebug,
        boolean suppressLock,
        boolean cgiHeaders,
        boolean marshalRequest,
        boolean prefixLogs,
        Path lockDirectory) {

    public WatchdogConfig {
        command = List.copyOf(command);
    }

    public boolean hasExecTimeout() {
        return !execTimeout.isZero();
    }

    public Path lockFile() {
        return lockDirectory.resolve(".lock");
    }
}
