package io.faaskar.core.internal.admin;

import java.security.Principal;
import java.util.Enumeration;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.boot.principal.Group;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;

/** A JAAS login against a Karaf realm, then a check that the subject holds the required role. */
final class JaasAuthenticator implements Authenticator {

    private final String realm;
    private final String requiredRole;

    JaasAuthenticator(String realm, String requiredRole) {
        this.realm = realm;
        this.requiredRole = requiredRole;
    }

    @Override
    public boolean login(String user, char[] password) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // LoginContext loads the realm's modules (Karaf's ProxyLoginModule) through the context class loader
        ClassLoader jaasBoot = ProxyLoginModule.class.getClassLoader();
        thread.setContextClassLoader(jaasBoot != null ? jaasBoot : JaasAuthenticator.class.getClassLoader());
        try {
            Subject subject = new Subject();
            LoginContext context = new LoginContext(realm, subject, callbacks -> answer(callbacks, user, password));
            context.login();
            try {
                return hasRole(subject.getPrincipals(), requiredRole);
            } finally {
                try {
                    context.logout();
                } catch (LoginException ignored) {
                    // nothing to undo for a check
                }
            }
        } catch (LoginException e) {
            return false;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void answer(Callback[] callbacks, String user, char[] password) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(user);
            } else if (callback instanceof PasswordCallback pw) {
                pw.setPassword(password);
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }

    /** A role principal of that name, held directly or as a member of a group principal (Karaf's group role policy). */
    static boolean hasRole(Set<Principal> principals, String role) {
        for (Principal p : principals) {
            if (holds(p, role, 0)) {
                return true;
            }
        }
        return false;
    }

    private static boolean holds(Principal p, String role, int depth) {
        if (p instanceof RolePrincipal && role.equals(p.getName())) {
            return true;
        }
        if (p instanceof Group group && depth < 8) {
            for (Enumeration<? extends Principal> members = group.members(); members.hasMoreElements(); ) {
                if (holds(members.nextElement(), role, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }
}
