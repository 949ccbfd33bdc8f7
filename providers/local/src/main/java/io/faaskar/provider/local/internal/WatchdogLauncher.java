package io.faaskar.provider.local.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spawns watchdog processes: {@code java <options> -Djava.io.tmpdir=<replica>/tmp -jar watchdog.jar}
 * with the replica's environment, stdout and stderr combined into one pipe, and the pid recorded
 * in the replica directory so a later JVM can find processes this one left behind.
 */
final class WatchdogLauncher {

    static final String PID_FILE = "pid";
    /**
     * Replicas must be reachable from this host only. The watchdog is asked to bind the loopback
     * interface through this variable (set last, so a function cannot override it).
     */
    static final String BIND_ADDRESS_ENV = "bind_address";

    /**
     * The only variables of faaskar's own environment a function sees: enough to find programs and
     * speak the locale. Everything else (credentials, FAASKAR_ADMIN_PASSWORD...) stays out.
     */
    private static final List<String> INHERITED = List.of("PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL",
            "LC_CTYPE", "TZ", "SystemRoot", "SYSTEMROOT", "windir", "ComSpec", "COMSPEC", "PATHEXT",
            "USERPROFILE", "APPDATA", "LOCALAPPDATA", "ProgramData", "ProgramFiles", "NUMBER_OF_PROCESSORS",
            "PROCESSOR_ARCHITECTURE");

    private final LocalProviderSettings settings;
    private final Path watchdogJar;

    WatchdogLauncher(LocalProviderSettings settings, Path watchdogJar) {
        this.settings = settings;
        this.watchdogJar = watchdogJar;
    }

    Path watchdogJar() {
        return watchdogJar;
    }

    Process spawn(Replica replica, int port, int upstreamPort) throws IOException {
        Path tmp = replica.dir.resolve("tmp");
        Files.createDirectories(tmp);
        List<String> command = new ArrayList<>();
        command.add(settings.javaCommand());
        command.addAll(settings.watchdogJvmOptions());
        command.add("-Djava.io.tmpdir=" + tmp);
        command.add("-Dsun.stdout.encoding=UTF-8");
        command.add("-Dsun.stderr.encoding=UTF-8");
        command.add("-jar");
        command.add(watchdogJar.toString());

        ProcessBuilder builder = new ProcessBuilder(command)
                .directory((replica.plan.handlerDir() != null ? replica.plan.handlerDir() : replica.dir).toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(environment(replica, tmp, port, upstreamPort));
        Process process = builder.start();
        process.getOutputStream().close();
        Files.write(replica.dir.resolve(PID_FILE), Long.toString(process.pid()).getBytes(StandardCharsets.US_ASCII));
        return process;
    }

    private static Map<String, String> environment(Replica replica, Path tmp, int port, int upstreamPort) {
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, String> host = System.getenv();
        for (String name : INHERITED) {
            String value = host.get(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        // the function's temporary files stay in its replica, like the watchdog's lock file
        env.put(Platform.isWindows() ? "TEMP" : "TMPDIR", tmp.toString());
        if (Platform.isWindows()) {
            env.put("TMP", tmp.toString());
        }
        env.putAll(replica.plan.replicaEnvironment(port, upstreamPort));
        env.put(BIND_ADDRESS_ENV, "127.0.0.1");
        return env;
    }
}
