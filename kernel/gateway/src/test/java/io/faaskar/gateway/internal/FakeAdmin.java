package io.faaskar.gateway.internal;

import io.faaskar.api.kernel.AdminAccount;
import java.util.Arrays;
import java.util.Optional;

final class FakeAdmin implements AdminAccount {

    static final String PASSWORD = "s3cr:et";

    @Override
    public Optional<String> initialPassword() {
        return Optional.empty();
    }

    @Override
    public String resetPassword(String newPassword) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean authenticate(String user, char[] password) {
        return USER.equals(user) && Arrays.equals(PASSWORD.toCharArray(), password);
    }
}
