package io.faaskar.core.internal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminAccountManagerTest {

    @TempDir
    Path dir;

    /** A realm in memory: user to password, user to group, group to roles. */
    static final class MemoryRealm implements RealmUsers, Authenticator {
        final Map<String, String> passwords = new HashMap<>();
        final Map<String, String> groups = new HashMap<>();
        final Map<String, List<String>> groupRoles = new HashMap<>();
        final AtomicInteger logins = new AtomicInteger();

        @Override
        public boolean exists(String user) {
            return passwords.containsKey(user);
        }

        @Override
        public void setPassword(String user, String password) {
            passwords.put(user, password);
        }

        @Override
        public void ensureGroup(String user, String group, List<String> roles) {
            groups.put(user, group);
            groupRoles.put(group, roles);
        }

        @Override
        public boolean login(String user, char[] password) {
            logins.incrementAndGet();
            return new String(password).equals(passwords.get(user))
                    && groupRoles.getOrDefault(groups.get(user), List.of()).contains("admin");
        }
    }

    private final MemoryRealm realm = new MemoryRealm();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final Map<String, String> env = new HashMap<>();

    private AdminAccountManager manager() {
        return new AdminAccountManager("karaf", "admin", realm, realm, InitialPasswordFile.in(dir), new PasswordGenerator(),
                new LoginCache(Duration.ofSeconds(30), System::nanoTime), env::get,
                new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private Path passwordFile() {
        return dir.resolve("faaskar/initial-admin-password");
    }

    @Test
    void firstStartGeneratesAPasswordWritesTheFileAndPrintsItOnce() throws Exception {
        AdminAccountManager m = manager();
        m.ensureAdmin();
        String password = realm.passwords.get("admin");
        assertEquals(24, password.length());
        assertEquals("admingroup", realm.groups.get("admin"));
        assertEquals(List.of("admin", "manager", "viewer", "systembundles", "ssh"), realm.groupRoles.get("admingroup"));
        assertEquals(password, Files.readString(passwordFile()).trim());
        assertTrue(console.toString(StandardCharsets.UTF_8).contains(password));
        assertEquals(Optional.of(password), m.initialPassword());

        console.reset();
        manager().ensureAdmin(); // second start: admin exists, nothing changes or prints
        assertEquals(password, realm.passwords.get("admin"));
        assertEquals("", console.toString(StandardCharsets.UTF_8));
    }

    @Test
    void passwordFromTheEnvironmentLeavesNoFile() {
        env.put("FAASKAR_ADMIN_PASSWORD", "from-env");
        AdminAccountManager m = manager();
        m.ensureAdmin();
        assertEquals("from-env", realm.passwords.get("admin"));
        assertFalse(Files.exists(passwordFile()));
        assertEquals(Optional.empty(), m.initialPassword());
        assertEquals("", console.toString(StandardCharsets.UTF_8));
        assertTrue(m.authenticate("admin", "from-env".toCharArray()));
    }

    @Test
    void resetChangesThePasswordDeletesTheFileAndForgetsCachedLogins() {
        AdminAccountManager m = manager();
        m.ensureAdmin();
        String first = realm.passwords.get("admin");
        assertTrue(m.authenticate("admin", first.toCharArray()));

        String second = m.resetPassword(null);
        assertNotEquals(first, second);
        assertEquals(second, realm.passwords.get("admin"));
        assertFalse(Files.exists(passwordFile()));
        assertEquals(Optional.empty(), m.initialPassword());
        assertFalse(m.authenticate("admin", first.toCharArray()), "the old password is not remembered");
        assertTrue(m.authenticate("admin", second.toCharArray()));

        assertEquals("chosen", m.resetPassword("chosen"));
        assertTrue(m.authenticate("admin", "chosen".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> m.resetPassword("  "));
    }

    @Test
    void staleFileIsNotHandedOut() throws Exception {
        AdminAccountManager m = manager();
        m.ensureAdmin();
        realm.passwords.put("admin", "changed-elsewhere"); // e.g. jaas:useradd
        assertEquals(Optional.empty(), m.initialPassword());
    }

    @Test
    void successfulLoginsAreCachedFailuresAreNot() {
        env.put("FAASKAR_ADMIN_PASSWORD", "pw");
        AdminAccountManager m = manager();
        m.ensureAdmin();
        assertTrue(m.authenticate("admin", "pw".toCharArray()));
        assertTrue(m.authenticate("admin", "pw".toCharArray()));
        assertEquals(1, realm.logins.get());
        assertFalse(m.authenticate("admin", "wrong".toCharArray()));
        assertFalse(m.authenticate("admin", "wrong".toCharArray()));
        assertEquals(3, realm.logins.get());
        assertFalse(m.authenticate(null, "pw".toCharArray()));
        assertFalse(m.authenticate("admin", new char[0]));
    }
}
