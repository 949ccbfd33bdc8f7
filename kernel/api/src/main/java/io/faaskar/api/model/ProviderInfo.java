package io.faaskar.api.model;

/**
 * What a provider says of itself in {@code /system/info}: {@code provider} is its name,
 * {@code orchestration} what it drives ({@code process}, {@code swarm}, {@code kubernetes}, ...).
 */
public record ProviderInfo(String provider, String orchestration, VersionInfo version) {
}
