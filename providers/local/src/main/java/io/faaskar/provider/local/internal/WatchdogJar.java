package io.faaskar.provider.local.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watchdog jar embedded in this bundle, extracted to the data directory so replicas can run
 * it with {@code java -jar}. It is rewritten only when its content changed (a new bundle version);
 * replacing it by rename leaves replicas still running the old file unharmed.
 */
final class WatchdogJar {

    /** Where the build puts the watchdog inside the bundle (maven-dependency-plugin, fixed name). */
    static final String RESOURCE = "/watchdog/io.faaskar.watchdog.jar";

    private static final Logger LOG = LoggerFactory.getLogger(WatchdogJar.class);

    private WatchdogJar() {
    }

    /** Extracts the embedded jar into {@code dir} (if changed) and returns its path. */
    static Path extract(Path dir) throws IOException {
        byte[] embedded;
        try (InputStream in = WatchdogJar.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("the watchdog jar " + RESOURCE + " is missing from the bundle");
            }
            embedded = in.readAllBytes();
        }
        Path target = dir.resolve("io.faaskar.watchdog.jar");
        if (Files.isRegularFile(target) && Arrays.equals(sha256(Files.readAllBytes(target)), sha256(embedded))) {
            return target;
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".watchdog", ".tmp");
        try {
            Files.write(tmp, embedded);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        LOG.info("Extracted the watchdog to {}", target);
        return target;
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
