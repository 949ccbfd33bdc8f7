package io.faaskar.watchdog.process;

import io.faaskar.watchdog.Log;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Copies a child's output line by line into the watchdog log, as {@code <timestamp> <name>: <line>} when prefixing. */
public final class LineLogger implements Runnable {

    private final InputStream from;
    private final String name;
    private final boolean prefix;

    public LineLogger(InputStream from, String name, boolean prefix) {
        this.from = from;
        this.name = name;
        this.prefix = prefix;
    }

    @Override
    public void run() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (prefix) {
                    Log.info(name + ": " + line);
                } else {
                    Log.raw(line);
                }
            }
        } catch (IOException e) {
            // child gone
        }
    }
}
