package io.faaskar.api.template;

import java.util.Map;

/**
 * How the local provider runs a handler of this language as a process on the host:
 * the watchdog {@code mode} ({@code classic} or {@code http}), the {@code fprocess} command line
 * (run in the handler directory), the {@code upstream_url} for http mode, and extra environment.
 */
public record LocalRecipe(String mode, String fprocess, String upstreamUrl, Map<String, String> environment) {
}
