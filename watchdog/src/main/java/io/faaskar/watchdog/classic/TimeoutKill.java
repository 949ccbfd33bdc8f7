package io.faaskar.watchdog.classic;

import io.faaskar.watchdog.process.ProcessTree;

/** Scheduled at exec_timeout: kills the forked process tree and remembers that it did. */
final class TimeoutKill implements Runnable {

    private final Process process;
    private volatile boolean fired;

    TimeoutKill(Process process) {
        this.process = process;
    }

    @Override
    public void run() {
        if (process.isAlive()) {
            fired = true;
            ProcessTree.kill(process);
        }
    }

    boolean fired() {
        return fired;
    }
}
