package io.faaskar.provider.local.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The layout of a replica's log: {@code watchdog.log} plus one rotated {@code watchdog.log.1};
 * every line is {@code <RFC3339 timestamp> <text>}.
 */
final class ReplicaLog {

    static final String FILE = "watchdog.log";
    static final String ROTATED = FILE + ".1";
    /** Size at which the log rotates; one rotated file is kept, so a replica keeps at most twice this. */
    static final long MAX_BYTES = 10L * 1024 * 1024;

    private ReplicaLog() {
    }

    static Path current(Path replicaDir) {
        return replicaDir.resolve(FILE);
    }

    static Path rotated(Path replicaDir) {
        return replicaDir.resolve(ROTATED);
    }

    /** A line as written, split into its timestamp and text; {@code fallback} when the prefix is unreadable. */
    static Line parse(String raw, Instant fallback) {
        int space = raw.indexOf(' ');
        if (space > 0) {
            try {
                return new Line(Instant.parse(raw.substring(0, space)), raw.substring(space + 1));
            } catch (DateTimeParseException e) {
                // not one of ours: keep the whole line
            }
        }
        return new Line(fallback, raw);
    }

    record Line(Instant timestamp, String text) {
    }
}
