package io.faaskar.api.model;

import java.time.Instant;

/**
 * A request for a function's logs ({@code GET /system/logs}): {@code tail} &lt;= 0 means all lines,
 * {@code since} may be null, {@code instance} may be null for every replica.
 */
public record LogRequest(String name, String namespace, String instance, Instant since, int tail, boolean follow) {
}
