package io.faaskar.core.internal.admin;

import java.util.List;

/** The users of a JAAS realm, as far as the admin account needs them. */
interface RealmUsers {

    boolean exists(String user);

    /** Sets (or creates the user with) the password; only a hash of it is stored. */
    void setPassword(String user, String password);

    /** Puts the user in the group, creating the group with these roles or adding the missing ones. */
    void ensureGroup(String user, String group, List<String> roles);
}
