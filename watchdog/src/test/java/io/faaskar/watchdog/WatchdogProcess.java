package io.faaskar.watchdog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The watchdog as a real child JVM (built classes, own java.io.tmpdir). Its output goes to a file: reading a
 * pipe while the child exits can lose the last lines (the JDK closes the stream under the reader).
 */
final class WatchdogProcess implements AutoCloseable {

    private static final String LISTENING = "Listening on port ";

    final Process process;
    final long startedNanos;
    private final Path logFile;

    private WatchdogProcess(Process process, long startedNanos, Path logFile) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.logFile = logFile;
    }

    static WatchdogProcess start(Path tmpDir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.io.tmpdir=" + tmpDir);
        command.add("-cp");
        command.add(classesDirectory());
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        Path logFile = Files.createTempFile("watchdog", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        builder.environment().keySet().removeIf(k -> k.equals("fprocess") || k.equals("function_process") || k.equals("mode"));
        builder.environment().putAll(env);
        long started = System.nanoTime();
        return new WatchdogProcess(builder.start(), started, logFile);
    }

    private static String classesDirectory() {
        try {
            return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new AssertionError("watchdog did not exit; output: " + output());
        }
        return process.exitValue();
    }

    /** The port from the "Listening on port N" line. */
    int awaitPort() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String output = output();
            int at = output.indexOf(LISTENING);
            int end = at < 0 ? -1 : output.indexOf('\n', at);
            if (end > 0) {
                return Integer.parseInt(output.substring(at + LISTENING.length(), end).trim());
            }
            if (!process.isAlive()) {
                throw new AssertionError("watchdog exited: " + output);
            }
            Thread.sleep(2);
        }
        throw new AssertionError("no 'Listening on port' line: " + output());
    }

    String output() {
        try {
            return new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        Files.deleteIfExists(logFile);
    }
}
