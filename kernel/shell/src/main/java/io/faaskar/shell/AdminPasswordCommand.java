package io.faaskar.shell;

import io.faaskar.api.kernel.AdminAccount;
import io.faaskar.shell.support.FaasAction;
import io.faaskar.shell.support.UserError;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "faas", name = "admin-password",
        description = "Shows, resets or sets the password of the gateway's admin user (basic auth of /system/*).",
        detailedDescription = "Without options, shows the password generated at first start while it is still "
                + "in force. --reset generates a new password and prints it once; --set sets the one given.")
public class AdminPasswordCommand extends FaasAction {

    @Reference(optional = true)
    AdminAccount admin;

    @Option(name = "--reset", description = "Generate a new random password and print it (only this once).")
    boolean reset;

    @Option(name = "--set", description = "Set this password.", censor = true)
    String password;

    @Override
    protected void run() {
        if (admin == null) {
            throw new UserError("The admin account is not available: is the faaskar kernel (io.faaskar.core) running?");
        }
        if (reset && password != null) {
            throw new UserError("Give either --reset or --set, not both");
        }
        if (password != null) {
            if (password.isBlank()) {
                throw new UserError("--set needs a non-empty password");
            }
            admin.resetPassword(password);
            out().println("Password of user " + AdminAccount.USER + " set.");
        } else if (reset) {
            String generated = admin.resetPassword(null);
            out().println("New password of user " + AdminAccount.USER + ": " + generated);
            out().println("It is shown only now: store it safely.");
        } else {
            Optional<String> initial = admin.initialPassword();
            if (initial.isPresent()) {
                out().println("Generated password of user " + AdminAccount.USER + ": " + initial.get());
                out().println("Change it with faas:admin-password --reset or --set.");
            } else {
                out().println("The password of user " + AdminAccount.USER + " is not shown: it was changed, or it "
                        + "came from FAASKAR_ADMIN_PASSWORD. Use --reset to generate a new one.");
            }
        }
    }
}
