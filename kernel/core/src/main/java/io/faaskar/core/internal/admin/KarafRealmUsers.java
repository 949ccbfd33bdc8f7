package io.faaskar.core.internal.admin;

import java.util.List;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users of a Karaf JAAS realm, changed through Karaf's own backing engine (for the default realm:
 * {@code etc/users.properties}), as {@code jaas:useradd} does. With encryption on in the realm
 * ({@code etc/org.apache.karaf.jaas.cfg}), the engine hashes passwords itself; with it off, it would
 * store them in clear, so encryption is switched on first and the hash written here in Karaf's format.
 */
final class KarafRealmUsers implements RealmUsers {

    private static final Logger LOG = LoggerFactory.getLogger(KarafRealmUsers.class);

    /** Turns password encryption on for the realm (Karaf's {@code org.apache.karaf.jaas} configuration). */
    interface EncryptionSwitch {
        void enable() throws Exception;
    }

    private final String realmName;
    private final AppConfigurationEntry entry;
    private final BackingEngineFactory factory;
    private final EncryptionSwitch encryptionSwitch;

    KarafRealmUsers(String realmName, AppConfigurationEntry entry, BackingEngineFactory factory, EncryptionSwitch encryptionSwitch) {
        this.realmName = realmName;
        this.entry = entry;
        this.factory = factory;
        this.encryptionSwitch = encryptionSwitch;
    }

    /** The first login module of the realm that a backing engine can edit, with that engine's factory. */
    static KarafRealmUsers find(String realmName, AppConfigurationEntry[] entries, List<BackingEngineFactory> factories,
            EncryptionSwitch encryptionSwitch) {
        for (AppConfigurationEntry e : entries) {
            Object module = e.getOptions().get(ProxyLoginModule.PROPERTY_MODULE);
            for (BackingEngineFactory f : factories) {
                if (f.getModuleClass().equals(module)) {
                    return new KarafRealmUsers(realmName, e, f, encryptionSwitch);
                }
            }
        }
        return null;
    }

    /** A fresh engine each time: the properties engine reads the users file when it is built. */
    private BackingEngine engine() {
        BackingEngine engine = factory.build(entry.getOptions());
        if (engine == null) {
            throw new IllegalStateException("cannot open the users of JAAS realm " + realmName + " (" + option("users", "?") + ")");
        }
        return engine;
    }

    @Override
    public boolean exists(String user) {
        return engine().lookupUser(user) != null;
    }

    @Override
    public void setPassword(String user, String password) {
        if (Boolean.parseBoolean(option("encryption.enabled", "false"))) {
            engine().addUser(user, password);
            return;
        }
        String name = option("encryption.name", "basic");
        if (!name.isEmpty() && !"basic".equals(name)) {
            LOG.warn("JAAS realm {} names encryption service '{}' but has encryption off; storing a {} digest that only "
                    + "the basic service checks", realmName, name, option("encryption.algorithm", CryptPassword.DEFAULT_ALGORITHM));
        }
        try {
            encryptionSwitch.enable();
            LOG.warn("Password encryption was off for JAAS realm {}; turned it on (encryption.enabled = true in "
                    + "etc/org.apache.karaf.jaas.cfg) so that no password is stored in clear", realmName);
        } catch (Exception e) {
            throw new IllegalStateException("cannot turn on password encryption for JAAS realm " + realmName
                    + "; set encryption.enabled = true in etc/org.apache.karaf.jaas.cfg: " + e.getMessage(), e);
        }
        String hashed = CryptPassword.hash(password,
                option("encryption.algorithm", CryptPassword.DEFAULT_ALGORITHM),
                option("encryption.encoding", CryptPassword.DEFAULT_ENCODING),
                option("encryption.prefix", CryptPassword.DEFAULT_PREFIX),
                option("encryption.suffix", CryptPassword.DEFAULT_SUFFIX));
        // the engine stores a value carrying the prefix and suffix as it is
        engine().addUser(user, hashed);
    }

    @Override
    public void ensureGroup(String user, String group, List<String> roles) {
        BackingEngine engine = engine();
        engine.addGroup(user, group);
        engine = engine();
        List<String> present = engine.listRoles(new org.apache.karaf.jaas.boot.principal.GroupPrincipal(group)).stream()
                .map(RolePrincipal::getName).toList();
        for (String role : roles) {
            if (!present.contains(role)) {
                engine.addGroupRole(group, role);
            }
        }
    }

    private String option(String key, String fallback) {
        Map<String, ?> options = entry.getOptions();
        Object value = options.get(key);
        return value == null ? fallback : value.toString().trim();
    }
}
