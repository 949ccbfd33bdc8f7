package io.faaskar.watchdog.classic;

import java.nio.charset.StandardCharsets;

/**
 * A Content-Type for function output when neither content_type nor the request names one. Go's server sniffs
 * the body in that case; this covers its common answers: HTML, a few binary formats, text, else octet-stream.
 */
public final class ContentSniffer {

    private static final String[] HTML_PREFIXES = {
        "<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div", "<font", "<table", "<a",
        "<style", "<title", "<b", "<body", "<br", "<p", "<!--"
    };

    private ContentSniffer() {
    }

    public static String sniff(byte[] body) {
        if (body.length == 0) {
            return "text/plain; charset=utf-8";
        }
        int length = Math.min(body.length, 512);
        String head = new String(body, 0, length, StandardCharsets.ISO_8859_1);
        if (startsWith(head, "%PDF-")) {
            return "application/pdf";
        }
        if (startsWith(head, "\u0089PNG\r\n\u001a\n")) {
            return "image/png";
        }
        if (startsWith(head, "GIF87a") || startsWith(head, "GIF89a")) {
            return "image/gif";
        }
        if (startsWith(head, "\u00ff\u00d8\u00ff")) {
            return "image/jpeg";
        }
        if (looksLikeHtml(head)) {
            return "text/html; charset=utf-8";
        }
        if (startsWith(head.stripLeading(), "<?xml")) {
            return "text/xml; charset=utf-8";
        }
        for (int i = 0; i < length; i++) {
            int b = body[i] & 0xff;
            if (b <= 0x08 || b == 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f)) {
                return "application/octet-stream";
            }
        }
        return "text/plain; charset=utf-8";
    }

    private static boolean looksLikeHtml(String head) {
        String text = head.stripLeading().toLowerCase(java.util.Locale.ROOT);
        for (String prefix : HTML_PREFIXES) {
            if (text.startsWith(prefix) && text.length() > prefix.length()) {
                char next = text.charAt(prefix.length());
                if (next == ' ' || next == '>') {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean startsWith(String text, String prefix) {
        return text.startsWith(prefix);
    }
}
