package io.faaskar.api.model;

import java.time.Instant;

/** One log line of a function replica, written as one NDJSON object by {@code /system/logs}. */
public record LogMessage(String name, String namespace, String instance, Instant timestamp, String text) {
}
