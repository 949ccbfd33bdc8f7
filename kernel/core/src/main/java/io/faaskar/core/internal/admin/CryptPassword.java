package io.faaskar.core.internal.admin;

import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A password hashed the way Karaf's basic encryption stores it in {@code users.properties}:
 * {@code PREFIX + digest + SUFFIX}, the digest in upper-case hex (or base64), e.g.
 * {@code {CRYPT}5E88...{CRYPT}} for SHA-256. Karaf compares hex digests case-insensitively.
 */
final class CryptPassword {

    static final String DEFAULT_PREFIX = "{CRYPT}";
    static final String DEFAULT_SUFFIX = "{CRYPT}";
    static final String DEFAULT_ALGORITHM = "SHA-256";
    static final String DEFAULT_ENCODING = "hexadecimal";

    private CryptPassword() {
    }

    static String hash(String password, String algorithm, String encoding, String prefix, String suffix) {
        byte[] digest;
        try {
            // the platform charset, as Karaf's BasicEncryption digests, so both agree on non-ASCII passwords
            digest = MessageDigest.getInstance(algorithm).digest(password.getBytes(Charset.defaultCharset()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("digest algorithm " + algorithm + " is not available", e);
        }
        String encoded = encoding != null && "base64".equals(encoding.toLowerCase(Locale.ROOT))
                ? Base64.getEncoder().encodeToString(digest)
                : HexFormat.of().withUpperCase().formatHex(digest);
        return prefix + encoded + suffix;
    }

    static String hash(String password) {
        return hash(password, DEFAULT_ALGORITHM, DEFAULT_ENCODING, DEFAULT_PREFIX, DEFAULT_SUFFIX);
    }

    static boolean looksHashed(String stored, String prefix, String suffix) {
        return stored != null && !prefix.isEmpty() && stored.startsWith(prefix) && stored.endsWith(suffix)
                && stored.length() > prefix.length() + suffix.length();
    }
}
