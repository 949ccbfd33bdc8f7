package io.faaskar.core.internal.admin;

/** Checks a user's password and role against the realm. */
interface Authenticator {

    boolean login(String user, char[] password);
}
