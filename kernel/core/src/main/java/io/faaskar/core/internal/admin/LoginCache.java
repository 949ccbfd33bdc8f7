package io.faaskar.core.internal.admin;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Successful logins remembered for a short while, since {@code /system/*} authenticates every request
 * and a JAAS login reads and hashes. Keys are HMACs of user and password under a random key that
 * lives only in memory: the clear password is never kept.
 */
final class LoginCache {

    private static final int MAX_ENTRIES = 1024;

    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private final byte[] key = new byte[32];
    private final Map<String, Long> expiries = new ConcurrentHashMap<>();

    LoginCache(Duration ttl, LongSupplier nanoClock) {
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = nanoClock;
        new SecureRandom().nextBytes(key);
    }

    boolean isFresh(String user, char[] password) {
        String k = keyOf(user, password);
        Long expiry = expiries.get(k);
        if (expiry == null) {
            return false;
        }
        if (nanoClock.getAsLong() - expiry < 0) {
            return true;
        }
        expiries.remove(k, expiry);
        return false;
    }

    void remember(String user, char[] password) {
        if (ttlNanos <= 0) {
            return;
        }
        if (expiries.size() >= MAX_ENTRIES) {
            expiries.clear();
        }
        expiries.put(keyOf(user, password), nanoClock.getAsLong() + ttlNanos);
    }

    void clear() {
        expiries.clear();
    }

    int size() {
        return expiries.size();
    }

    private String keyOf(String user, char[] password) {
        ByteBuffer pw = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] pwBytes = new byte[pw.remaining()];
        pw.get(pwBytes);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(pwBytes);
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        } finally {
            Arrays.fill(pwBytes, (byte) 0);
            if (pw.hasArray()) {
                Arrays.fill(pw.array(), (byte) 0);
            }
        }
    }
}
