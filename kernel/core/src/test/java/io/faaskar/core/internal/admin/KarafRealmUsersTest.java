package io.faaskar.core.internal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import org.apache.felix.utils.properties.Properties;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.modules.encryption.BasicEncryption;
import org.apache.karaf.jaas.modules.properties.PropertiesBackingEngineFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Karaf's real properties backing engine on a temporary users.properties, as in a fresh Karaf 4.4.10. */
class KarafRealmUsersTest {

    @TempDir
    Path dir;

    private AppConfigurationEntry entry(Path users, boolean encryption) {
        Map<String, Object> options = new HashMap<>();
        options.put(ProxyLoginModule.PROPERTY_MODULE, "org.apache.karaf.jaas.modules.properties.PropertiesLoginModule");
        options.put("users", users.toString());
        options.put("encryption.enabled", Boolean.toString(encryption));
        options.put("encryption.name", "basic");
        options.put("encryption.prefix", "{CRYPT}");
        options.put("encryption.suffix", "{CRYPT}");
        options.put("encryption.algorithm", "SHA-256");
        options.put("encryption.encoding", "hexadecimal");
        return new AppConfigurationEntry(ProxyLoginModule.class.getName(), LoginModuleControlFlag.OPTIONAL, options);
    }

    @Test
    void createsAdminHashedInKarafsGroupLayoutAndTurnsEncryptionOn() throws Exception {
        Path users = dir.resolve("users.properties");
        Files.writeString(users, "# karaf = karaf,_g_:admingroup\n# _g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n");
        AtomicInteger switchedOn = new AtomicInteger();
        KarafRealmUsers realm = KarafRealmUsers.find("karaf", new AppConfigurationEntry[] {entry(users, false)},
                List.of(new PropertiesBackingEngineFactory()), switchedOn::incrementAndGet);
        assertNotNull(realm);

        assertFalse(realm.exists("admin"));
        realm.setPassword("admin", "p4ss-word");
        realm.ensureGroup("admin", "admingroup", AdminAccountManager.ADMIN_GROUP_ROLES);
        assertTrue(realm.exists("admin"));
        assertEquals(1, switchedOn.get());

        Properties stored = new Properties(users.toFile());
        String admin = stored.get("admin");
        assertTrue(admin.matches("\\{CRYPT}[0-9A-F]{64}\\{CRYPT},_g_:admingroup"), admin);
        assertFalse(Files.readString(users).contains("p4ss-word"));
        String digest = admin.substring(7, 7 + 64);
        assertTrue(new BasicEncryption(Map.of("algorithm", "SHA-256", "encoding", "hexadecimal")).checkPassword("p4ss-word", digest));
        String group = stored.get("_g_:admingroup");
        assertTrue(group.endsWith(",admin,manager,viewer,systembundles,ssh"), group);
        assertTrue(Files.readString(users).contains("_g_\\:admingroup = "), Files.readString(users));

        // a new password keeps the groups
        realm.setPassword("admin", "other");
        realm.ensureGroup("admin", "admingroup", AdminAccountManager.ADMIN_GROUP_ROLES);
        String changed = new Properties(users.toFile()).get("admin");
        assertTrue(changed.endsWith("{CRYPT},_g_:admingroup"), changed);
        assertFalse(changed.equals(admin));
    }

    @Test
    void addsMissingRolesToAnExistingGroup() throws Exception {
        Path users = dir.resolve("users.properties");
        Files.writeString(users, "_g_\\:admingroup = group,admin\n");
        KarafRealmUsers realm = KarafRealmUsers.find("karaf", new AppConfigurationEntry[] {entry(users, false)},
                List.of(new PropertiesBackingEngineFactory()), () -> { });
        realm.setPassword("admin", "x");
        realm.ensureGroup("admin", "admingroup", List.of("admin", "viewer", "faas"));
        assertEquals("group,admin,viewer,faas", new Properties(users.toFile()).get("_g_:admingroup"));
    }

    @Test
    void realmWithoutAnEditableModuleIsNotUsed() {
        AppConfigurationEntry ldap = new AppConfigurationEntry(ProxyLoginModule.class.getName(), LoginModuleControlFlag.REQUIRED,
                Map.of(ProxyLoginModule.PROPERTY_MODULE, "org.example.LdapLoginModule"));
        assertEquals(null, KarafRealmUsers.find("corp", new AppConfigurationEntry[] {ldap},
                List.of(new PropertiesBackingEngineFactory()), () -> { }));
    }
}
