package io.faaskar.provider.local.internal;

import java.util.Locale;

/** The host's OS and CPU architecture, spelled as OpenFaaS and Docker spell platforms. */
final class Platform {

    private Platform() {
    }

    static String operatingSystem() {
        return normaliseOs(System.getProperty("os.name", ""));
    }

    static String architecture() {
        return normaliseArch(System.getProperty("os.arch", ""));
    }

    static boolean isWindows() {
        return "windows".equals(operatingSystem());
    }

    static String normaliseOs(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return "windows";
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return "darwin";
        }
        if (os.startsWith("linux")) {
            return "linux";
        }
        return os.replace(' ', '-');
    }

    static String normaliseArch(String osArch) {
        String arch = osArch.toLowerCase(Locale.ROOT);
        switch (arch) {
            case "amd64":
            case "x86_64":
            case "x64":
                return "amd64";
            case "aarch64":
            case "arm64":
                return "arm64";
            default:
                return arch;
        }
    }
}
