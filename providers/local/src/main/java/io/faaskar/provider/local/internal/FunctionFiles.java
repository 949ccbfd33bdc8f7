package io.faaskar.provider.local.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.faaskar.api.model.FunctionRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persisted functions: one JSON file per function at {@code functions/<namespace>/<name>.json}.
 * Files are replaced atomically, so a crash mid-write leaves the previous definition intact.
 */
final class FunctionFiles {

    private static final Logger LOG = LoggerFactory.getLogger(FunctionFiles.class);

    private final Path root;
    private final ObjectMapper mapper = Json.mapper();

    FunctionFiles(Path root) {
        this.root = root;
    }

    Path file(FunctionRef ref) {
        return root.resolve(ref.namespace()).resolve(ref.name() + ".json");
    }

    boolean exists(FunctionRef ref) {
        return Files.exists(file(ref));
    }

    void write(StoredFunction function) {
        Path target = file(function.ref());
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "." + function.ref().name(), ".tmp");
            try {
                mapper.writeValue(tmp.toFile(), function);
                move(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    void delete(FunctionRef ref) {
        try {
            Files.deleteIfExists(file(ref));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file(ref) + ": " + e.getMessage(), e);
        }
    }

    /** Every readable function; unreadable files are logged and skipped so one bad file spoils nothing else. */
    List<StoredFunction> readAll() {
        List<StoredFunction> result = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return result;
        }
        try (DirectoryStream<Path> namespaces = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path ns : namespaces) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(ns, "*.json")) {
                    for (Path file : files) {
                        read(file, ns.getFileName().toString(), result);
                    }
                }
            }
        } catch (IOException e) {
            LOG.error("Cannot list the persisted functions under {}: {}", root, e.getMessage());
        }
        return result;
    }

    private void read(Path file, String namespace, List<StoredFunction> into) {
        try {
            StoredFunction f = mapper.readValue(file.toFile(), StoredFunction.class);
            String fileName = file.getFileName().toString();
            String name = fileName.substring(0, fileName.length() - ".json".length());
            if (f.deployment() == null || !name.equals(f.deployment().service())
                    || !namespace.equals(f.deployment().namespace())) {
                LOG.error("Ignoring {}: it does not hold function {}.{}", file, name, namespace);
                return;
            }
            into.add(new StoredFunction(f.deployment().normalized(), Math.max(0, f.replicas()), f.createdAt()));
        } catch (IOException | RuntimeException e) {
            LOG.error("Ignoring unreadable function file {}: {}", file, e.getMessage());
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
