package io.faaskar.core.internal.function;

import java.util.Locale;

/** The host's CPU architecture under the names Go (and so OpenFaaS and Docker) use. */
final class Platform {

    private Platform() {
    }

    static String goArch(String javaArch) {
        if (javaArch == null) {
            return "unknown";
        }
        String a = javaArch.toLowerCase(Locale.ROOT);
        return switch (a) {
            case "amd64", "x86_64", "x64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i486", "i586", "i686" -> "386";
            case "arm", "armv7", "armv7l", "armhf", "aarch32" -> "arm";
            case "ppc64le" -> "ppc64le";
            case "s390x" -> "s390x";
            case "riscv64" -> "riscv64";
            default -> a;
        };
    }

    static String goArch() {
        return goArch(System.getProperty("os.arch"));
    }
}
