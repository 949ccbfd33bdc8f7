package io.faaskar.api.kernel;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The {@code admin} account that guards {@code /system/*}. Its password is set at first start from
 * {@code FAASKAR_ADMIN_PASSWORD}, or generated; only a hash is kept in the JAAS realm.
 */
@ProviderType
public interface AdminAccount {

    String USER = "admin";

    /** The generated first-start password while it is still the one in force; empty once changed or when it came from the environment. */
    Optional<String> initialPassword();

    /** Sets a new password (generated when {@code newPassword} is null) and returns it. */
    String resetPassword(String newPassword);

    /** True when the user and password are valid for the gateway's realm and role. */
    boolean authenticate(String user, char[] password);
}
