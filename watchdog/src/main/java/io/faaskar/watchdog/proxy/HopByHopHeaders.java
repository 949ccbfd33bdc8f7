package io.faaskar.watchdog.proxy;

import java.util.Locale;

/** Headers a proxy must not forward, plus those the JDK computes itself (Content-Length, Host handled apart). */
final class HopByHopHeaders {

    private HopByHopHeaders() {
    }

    static boolean skip(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "connection":
            case "proxy-connection":
            case "keep-alive":
            case "proxy-authenticate":
            case "proxy-authorization":
            case "te":
            case "trailer":
            case "transfer-encoding":
            case "upgrade":
            case "content-length":
            case "host":
            case "expect":
                return true;
            default:
                return false;
        }
    }
}
