package io.faaskar.watchdog.process;

import java.util.Iterator;
import java.util.List;
import java.util.ArrayList;

/** Ends a process and everything it started (a shell's children would otherwise keep the output pipe open). */
public final class ProcessTree {

    private ProcessTree() {
    }

    /** SIGKILL to the process and all its descendants. */
    public static void kill(Process process) {
        List<ProcessHandle> descendants = snapshot(process);
        process.destroyForcibly();
        for (ProcessHandle handle : descendants) {
            handle.destroyForcibly();
        }
    }

    /** SIGTERM to the process and all its descendants, for a graceful stop. */
    public static void terminate(Process process) {
        List<ProcessHandle> descendants = snapshot(process);
        process.destroy();
        for (ProcessHandle handle : descendants) {
            handle.destroy();
        }
    }

    private static List<ProcessHandle> snapshot(Process process) {
        List<ProcessHandle> handles = new ArrayList<>();
        try {
            Iterator<ProcessHandle> it = process.descendants().iterator();
            while (it.hasNext()) {
                handles.add(it.next());
            }
        } catch (UnsupportedOperationException e) {
            // platform without process listing: the root alone is still killed
        }
        return handles;
    }
}
