package io.faaskar.watchdog;

/** Fatal errors in the real process: log and halt (no drain hook: the lock is already gone, nothing to wait for). */
final class ProcessExit implements FatalHandler {

    @Override
    public void fatal(String message, int exitCode) {
        Log.info(message);
        System.out.flush();
        Runtime.getRuntime().halt(exitCode);
    }
}
