package io.faaskar.core.internal.admin;

import java.security.SecureRandom;

/** Random passwords of URL-safe characters (A-Z a-z 0-9 - _), safe to paste into URLs, shells and headers. */
final class PasswordGenerator {

    static final int LENGTH = 24;
    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final SecureRandom random;

    PasswordGenerator() {
        this(new SecureRandom());
    }

    PasswordGenerator(SecureRandom random) {
        this.random = random;
    }

    String generate() {
        char[] password = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            password[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(password);
    }
}
