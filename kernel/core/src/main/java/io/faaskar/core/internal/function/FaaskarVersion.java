package io.faaskar.core.internal.function;

import io.faaskar.api.model.VersionInfo;
import org.osgi.framework.Bundle;

/** faaskar's own version for {@code /system/info}: the core bundle's version and the commit it was built from. */
final class FaaskarVersion {

    static final String SHA_HEADER = "Faaskar-Git-Sha";
    static final String VERSION_HEADER = "Faaskar-Version";
    static final String UNKNOWN = "unknown";

    private FaaskarVersion() {
    }

    static VersionInfo of(Bundle bundle) {
        // the Maven version (0.1.0-SNAPSHOT) reads better than the Bundle-Version bnd derives from it
        String release = bundle.getHeaders().get(VERSION_HEADER);
        boolean known = release != null && !release.isBlank() && !release.startsWith("${");
        return of(known ? release.trim() : bundle.getVersion().toString(), bundle.getHeaders().get(SHA_HEADER));
    }

    static VersionInfo of(String release, String sha) {
        boolean known = sha != null && !sha.isBlank() && !sha.startsWith("${");
        return new VersionInfo(null, known ? sha.trim() : UNKNOWN, release);
    }
}
