package io.faaskar.watchdog;

/** What to do when the watchdog cannot go on (e.g. the http-mode child died): the process exits, tests record it. */
public interface FatalHandler {

    void fatal(String message, int exitCode);
}
