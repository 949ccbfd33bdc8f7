package io.faaskar.watchdog.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code .lock} file exec health checks look for ({@code [ -e /tmp/.lock ]}); absent when suppressed. */
public final class LockFile {

    private final Path path;
    private final boolean suppressed;

    public LockFile(Path path, boolean suppressed) {
        this.path = path;
        this.suppressed = suppressed;
    }

    public Path path() {
        return path;
    }

    public void write() throws IOException {
        if (!suppressed) {
            Files.write(path, new byte[0]);
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // nothing more to do: the health endpoint reports 503 anyway once draining
        }
    }

    /** Health as the contract has it: the lock must exist, unless we were told never to write it. */
    public boolean satisfied() {
        return suppressed || Files.exists(path);
    }
}
