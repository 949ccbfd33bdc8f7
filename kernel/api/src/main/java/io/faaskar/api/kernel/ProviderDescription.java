package io.faaskar.api.kernel;

import io.faaskar.api.model.ProviderInfo;
import io.faaskar.api.provider.ProviderCapabilities;

/** A registered provider as the kernel sees it; {@code isDefault} marks where unrouted deployments go. */
public record ProviderDescription(String name, ProviderInfo info, ProviderCapabilities capabilities, boolean isDefault) {
}
