package io.faaskar.watchdog.http;

/** Whether the watchdog accepts work: false until started (http mode: until the upstream answers), false again when draining. */
public final class HealthState {

    private volatile boolean accepting;

    public boolean isAccepting() {
        return accepting;
    }

    public void markAccepting() {
        accepting = true;
    }

    public void markNotAccepting() {
        accepting = false;
    }
}
