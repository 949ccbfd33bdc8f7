package io.faaskar.core.internal.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * The generated first-start admin password, kept where the operator can read it
 * ({@code ${karaf.data}/faaskar/initial-admin-password}, readable by its owner only) until it is changed.
 */
final class InitialPasswordFile {

    static final String RELATIVE_PATH = "faaskar/initial-admin-password";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;

    InitialPasswordFile(Path file) {
        this.file = file;
    }

    static InitialPasswordFile in(Path karafData) {
        return new InitialPasswordFile(karafData.resolve(RELATIVE_PATH));
    }

    Path path() {
        return file;
    }

    /** Writes the password atomically into a file that only its owner can read, created that way from the start. */
    void write(String password) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
        Path temp = posix
                ? Files.createTempFile(dir, ".initial-admin-password", ".tmp", ownerOnly())
                : Files.createTempFile(dir, ".initial-admin-password", ".tmp");
        try {
            Files.writeString(temp, password + "\n", StandardCharsets.UTF_8);
            if (posix) {
                Files.setPosixFilePermissions(temp, OWNER_ONLY);
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    Optional<String> read() {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String content = Files.readString(file, StandardCharsets.UTF_8).trim();
            return content.isEmpty() ? Optional.empty() : Optional.of(content);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    }
}
