package io.faaskar.watchdog;

/** The shutdown hook (SIGTERM, SIGINT): drain, then exit 0 rather than the JVM's 143. */
final class DrainOnShutdown implements Runnable {

    private final Watchdog watchdog;

    DrainOnShutdown(Watchdog watchdog) {
        this.watchdog = watchdog;
    }

    @Override
    public void run() {
        watchdog.drain();
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
