package io.faaskar.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Body of {@code GET /system/info}. {@code provider} is the default provider, as OpenFaaS clients
 * expect one; {@code providers} (a faaskar addition that OpenFaaS clients ignore) lists every
 * provider registered now.
 */
public record GatewayInfo(
        ProviderInfo provider,
        VersionInfo version,
        String arch,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ProviderInfo> providers) {

    public GatewayInfo(ProviderInfo provider, VersionInfo version, String arch) {
        this(provider, version, arch, null);
    }
}
