package io.faaskar.provider.local.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds watchdogs a previous JVM left running (it was killed with -9 and could not stop them) from
 * the pid files in the replica directories, and stops them. A pid is only acted on when that
 * process is alive AND its command line names our watchdog jar: pids get reused, and an unrelated
 * process must never be killed.
 */
final class StaleWatchdogReaper {

    private static final Logger LOG = LoggerFactory.getLogger(StaleWatchdogReaper.class);

    private StaleWatchdogReaper() {
    }

    /** Stops the stale watchdogs found under {@code replicasDir}; returns how many there were. */
    static int reap(Path replicasDir, Path watchdogJar, Duration grace) {
        List<ProcessHandle> stale = find(replicasDir, watchdogJar.toAbsolutePath().toString());
        for (ProcessHandle process : stale) {
            LOG.warn("Stopping watchdog process {} left running by a previous faaskar", process.pid());
            process.destroy();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle process : stale) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                process.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                ReplicaSupervisor.killTree(process);
            }
        }
        return stale.size();
    }

    static List<ProcessHandle> find(Path replicasDir, String jarPath) {
        List<ProcessHandle> result = new ArrayList<>();
        if (!Files.isDirectory(replicasDir)) {
            return result;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(replicasDir, Files::isDirectory)) {
            for (Path dir : dirs) {
                pid(dir.resolve(WatchdogLauncher.PID_FILE))
                        .flatMap(ProcessHandle::of)
                        .filter(p -> p.pid() != ProcessHandle.current().pid())
                        .filter(ProcessHandle::isAlive)
                        .filter(p -> runs(p, jarPath))
                        .ifPresent(result::add);
            }
        } catch (IOException e) {
            LOG.warn("Cannot look for stale watchdogs under {}: {}", replicasDir, e.getMessage());
        }
        return result;
    }

    /** True only when the command line is readable and names the jar: unknown means "not ours". */
    static boolean runs(ProcessHandle process, String jarPath) {
        ProcessHandle.Info info = process.info();
        if (info.commandLine().map(c -> c.contains(jarPath)).orElse(false)) {
            return true;
        }
        return info.arguments().map(args -> List.of(args).contains(jarPath)).orElse(false);
    }

    private static Optional<Long> pid(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return Optional.of(Long.parseLong(new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).trim()));
            }
        } catch (IOException | NumberFormatException e) {
            LOG.debug("Unreadable pid file {}: {}", file, e.getMessage());
        }
        return Optional.empty();
    }
}
