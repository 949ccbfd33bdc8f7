package io.faaskar.watchdog.proxy;

import io.faaskar.watchdog.FatalHandler;
import io.faaskar.watchdog.Log;
import io.faaskar.watchdog.process.LineLogger;
import io.faaskar.watchdog.process.ProcessTree;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The http-mode function server: forked once, its output copied to the log, and its unexpected exit fatal
 * (the supervisor restarts the whole replica, as with of-watchdog).
 */
public final class UpstreamProcess {

    private final Process process;
    private volatile boolean stopping;

    private UpstreamProcess(Process process) {
        this.process = process;
    }

    public static UpstreamProcess start(List<String> command, boolean prefixLogs, ExecutorService pumps,
            FatalHandler fatal, Runnable beforeFatal) throws IOException {
        Process process = new ProcessBuilder(command).start();
        Log.info("Started function process: pid " + process.pid());
        process.getOutputStream().close();
        pumps.execute(new LineLogger(process.getInputStream(), "stdout", prefixLogs));
        pumps.execute(new LineLogger(process.getErrorStream(), "stderr", prefixLogs));
        UpstreamProcess upstream = new UpstreamProcess(process);
        Thread watcher = new Thread(new ExitWatcher(upstream, fatal, beforeFatal), "watchdog-upstream-exit");
        watcher.setDaemon(true);
        watcher.start();
        return upstream;
    }

    /** From now on an exit is expected (draining): logged, not fatal. */
    public void expectExit() {
        stopping = true;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM to the function (and its children), SIGKILL after the grace period. */
    public void stop(Duration grace) {
        stopping = true;
        if (!process.isAlive()) {
            return;
        }
        ProcessTree.terminate(process);
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessTree.kill(process);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ProcessTree.kill(process);
        }
    }

    /** Waits for the function process to end and reports the exit unless we asked for it. */
    private static final class ExitWatcher implements Runnable {

        private final UpstreamProcess upstream;
        private final FatalHandler fatal;
        private final Runnable beforeFatal;

        ExitWatcher(UpstreamProcess upstream, FatalHandler fatal, Runnable beforeFatal) {
            this.upstream = upstream;
            this.fatal = fatal;
            this.beforeFatal = beforeFatal;
        }

        @Override
        public void run() {
            int exitCode;
            try {
                exitCode = upstream.process.waitFor();
            } catch (InterruptedException e) {
                return;
            }
            if (upstream.stopping) {
                Log.info("Function process exited: exit status " + exitCode);
            } else {
                beforeFatal.run();
                fatal.fatal("Forked function has terminated: exit status " + exitCode, 1);
            }
        }
    }
}
