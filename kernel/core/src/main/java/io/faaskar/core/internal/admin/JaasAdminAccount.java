package io.faaskar.core.internal.admin;

import io.faaskar.api.kernel.AdminAccount;
import io.faaskar.core.internal.CoreConfig;
import io.faaskar.core.internal.Durations;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AdminAccount} on a Karaf JAAS realm (config {@code realm}, default {@code karaf}): creates
 * {@code admin} at first start and authenticates {@code /system/*} callers against the realm.
 * Re-activated when realms or backing engines come and go, so a realm that appears late is used.
 */
@Component(service = AdminAccount.class, configurationPid = CoreConfig.PID, immediate = true)
public class JaasAdminAccount implements AdminAccount {

    private static final Logger LOG = LoggerFactory.getLogger(JaasAdminAccount.class);
    static final String KARAF_JAAS_PID = "org.apache.karaf.jaas";

    private final List<JaasRealm> realms;
    private final List<BackingEngineFactory> engines;
    private final ConfigurationAdmin configurationAdmin;
    private volatile AdminAccountManager manager;
    private volatile CoreConfig applied;

    @Activate
    public JaasAdminAccount(
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY)
            List<JaasRealm> realms,
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY)
            List<BackingEngineFactory> engines,
            @Reference ConfigurationAdmin configurationAdmin,
            CoreConfig config) {
        this.realms = realms;
        this.engines = engines;
        this.configurationAdmin = configurationAdmin;
        configure(config);
    }

    /** The PID is shared with the other core components; only a change of this one's keys rebuilds the account. */
    @Modified
    void modified(CoreConfig config) {
        CoreConfig previous = applied;
        if (!config.realm().equals(previous.realm()) || !config.requiredRole().equals(previous.requiredRole())
                || !config.authCacheTtl().equals(previous.authCacheTtl())) {
            configure(config);
        }
    }

    private void configure(CoreConfig config) {
        applied = config;
        String realmName = config.realm();
        Optional<JaasRealm> realm = realms.stream().filter(r -> realmName.equals(r.getName()))
                .max(Comparator.comparingInt(JaasRealm::getRank));
        RealmUsers users = realm
                .map(r -> KarafRealmUsers.find(realmName, r.getEntries(), engines, () -> enableEncryption(configurationAdmin)))
                .orElse(null);
        Path karafData = Path.of(System.getProperty("karaf.data", "data"));
        AdminAccountManager next = new AdminAccountManager(realmName, config.requiredRole(),
                users != null ? users : new MissingRealm(realmName, realm.isPresent()),
                new JaasAuthenticator(realmName, config.requiredRole()),
                InitialPasswordFile.in(karafData), new PasswordGenerator(),
                new LoginCache(Durations.parse("authCacheTtl", config.authCacheTtl()), System::nanoTime),
                System::getenv, System.out);
        manager = next;
        if (users == null) {
            LOG.warn(realm.isPresent()
                    ? "JAAS realm {} has no login module whose users faaskar can edit; the admin user is not provisioned"
                    : "JAAS realm {} is not registered; the admin user is not provisioned until it is", realmName);
            return;
        }
        try {
            next.ensureAdmin();
        } catch (RuntimeException e) {
            LOG.error("Cannot provision the admin user in JAAS realm {}: {}", realmName, e.toString(), e);
        }
    }

    private static void enableEncryption(ConfigurationAdmin configurationAdmin) throws Exception {
        Configuration configuration = configurationAdmin.getConfiguration(KARAF_JAAS_PID, null);
        Dictionary<String, Object> properties = configuration.getProperties();
        if (properties == null) {
            properties = new Hashtable<>();
        }
        properties.put("encryption.enabled", "true");
        configuration.update(properties);
    }

    @Override
    public Optional<String> initialPassword() {
        return manager.initialPassword();
    }

    @Override
    public String resetPassword(String newPassword) {
        return manager.resetPassword(newPassword);
    }

    @Override
    public boolean authenticate(String user, char[] password) {
        return manager.authenticate(user, password);
    }

    /** Stands in while the realm cannot be edited: changes fail with a message that says why. */
    private record MissingRealm(String realm, boolean registered) implements RealmUsers {

        @Override
        public boolean exists(String user) {
            return false;
        }

        @Override
        public void setPassword(String user, String password) {
            throw new IllegalStateException(registered
                    ? "JAAS realm " + realm + " has no login module whose users can be edited"
                    : "JAAS realm " + realm + " is not registered");
        }

        @Override
        public void ensureGroup(String user, String group, List<String> roles) {
            setPassword(user, null);
        }
    }
}
