package io.faaskar.core.internal.admin;

import io.faaskar.api.kernel.AdminAccount;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the admin account does, free of OSGi: provision the {@code admin} user at first start, hand out
 * the generated password while it is valid, change it, and authenticate with a short-lived cache.
 */
final class AdminAccountManager {

    private static final Logger LOG = LoggerFactory.getLogger(AdminAccountManager.class);

    static final String PASSWORD_ENV = "FAASKAR_ADMIN_PASSWORD";
    static final String ADMIN_GROUP = "admingroup";
    /** The roles of Karaf's admingroup in its users.properties template. */
    static final List<String> ADMIN_GROUP_ROLES = List.of("admin", "manager", "viewer", "systembundles", "ssh");

    private final String realm;
    private final RealmUsers users;
    private final Authenticator authenticator;
    private final InitialPasswordFile passwordFile;
    private final PasswordGenerator generator;
    private final LoginCache cache;
    private final UnaryOperator<String> environment;
    private final PrintStream console;
    private final List<String> groupRoles;

    AdminAccountManager(String realm, String requiredRole, RealmUsers users, Authenticator authenticator,
            InitialPasswordFile passwordFile, PasswordGenerator generator, LoginCache cache,
            UnaryOperator<String> environment, PrintStream console) {
        this.realm = realm;
        this.users = users;
        this.authenticator = authenticator;
        this.passwordFile = passwordFile;
        this.generator = generator;
        this.cache = cache;
        this.environment = environment;
        this.console = console;
        List<String> roles = new ArrayList<>(ADMIN_GROUP_ROLES);
        if (!roles.contains(requiredRole)) {
            roles.add(requiredRole);
        }
        this.groupRoles = List.copyOf(roles);
    }

    /** First start: creates {@code admin} when the realm has no such user. */
    synchronized void ensureAdmin() {
        if (users.exists(AdminAccount.USER)) {
            return;
        }
        String fromEnvironment = environment.apply(PASSWORD_ENV);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            createAdmin(fromEnvironment);
            deleteFile();
            LOG.info("Created user {} in JAAS realm {} with the password from {}", AdminAccount.USER, realm, PASSWORD_ENV);
            return;
        }
        String generated = generator.generate();
        boolean saved = writeFile(generated);
        createAdmin(generated);
        if (saved) {
            LOG.warn("Created user {} in JAAS realm {} with a generated password. Read it in {} (readable by its owner "
                    + "only) or with faas:admin-password; change it with faas:admin-password --reset.",
                    AdminAccount.USER, realm, passwordFile.path());
        } else {
            LOG.warn("Created user {} in JAAS realm {} with a generated password, printed once on the console; "
                    + "faas:admin-password --reset sets a new one.", AdminAccount.USER, realm);
        }
        console.println();
        console.println("faaskar: the generated password of user " + AdminAccount.USER + " is: " + generated);
        console.println("faaskar: it is also in " + passwordFile.path() + " until you change it (faas:admin-password --reset)");
        console.println();
        console.flush();
    }

    private void createAdmin(String password) {
        users.setPassword(AdminAccount.USER, password);
        users.ensureGroup(AdminAccount.USER, ADMIN_GROUP, groupRoles);
    }

    Optional<String> initialPassword() {
        Optional<String> saved = passwordFile.read();
        if (saved.isPresent() && authenticate(AdminAccount.USER, saved.get().toCharArray())) {
            return saved;
        }
        return Optional.empty();
    }

    synchronized String resetPassword(String newPassword) {
        if (newPassword != null && newPassword.isBlank()) {
            throw new IllegalArgumentException("the new password must not be empty");
        }
        String password = newPassword == null ? generator.generate() : newPassword;
        boolean existed = users.exists(AdminAccount.USER);
        users.setPassword(AdminAccount.USER, password);
        if (!existed) {
            users.ensureGroup(AdminAccount.USER, ADMIN_GROUP, groupRoles);
        }
        deleteFile();
        cache.clear();
        LOG.info("The password of user {} in JAAS realm {} was changed", AdminAccount.USER, realm);
        return password;
    }

    boolean authenticate(String user, char[] password) {
        if (user == null || user.isEmpty() || password == null || password.length == 0) {
            return false;
        }
        if (cache.isFresh(user, password)) {
            return true;
        }
        boolean valid = authenticator.login(user, password);
        if (valid) {
            cache.remember(user, password);
        }
        return valid;
    }

    private boolean writeFile(String password) {
        try {
            passwordFile.write(password);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot write the generated admin password to {}: {}", passwordFile.path(), e.toString());
            return false;
        }
    }

    private void deleteFile() {
        try {
            passwordFile.delete();
        } catch (IOException e) {
            LOG.warn("Cannot delete {}: {}", passwordFile.path(), e.toString());
        }
    }
}
