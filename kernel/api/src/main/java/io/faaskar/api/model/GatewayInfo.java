package io.faaskar.api.model;

/** Body of {@code GET /system/info}. */
public record GatewayInfo(ProviderInfo provider, VersionInfo version, String arch) {
}
