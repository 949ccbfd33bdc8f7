package io.faaskar.core.internal.function;

import io.faaskar.api.provider.InvalidRequestException;
import java.util.regex.Pattern;

/** The name rule every provider can honour: a DNS-1123 label, as Kubernetes and faas-netes require. */
final class FunctionNames {

    static final int MAX_LENGTH = 63;
    static final String RULE = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
    private static final Pattern DNS_1123_LABEL = Pattern.compile(RULE);

    private FunctionNames() {
    }

    static void requireValid(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidRequestException("service (the function name) is required");
        }
        if (name.length() > MAX_LENGTH) {
            throw new InvalidRequestException("invalid function name '" + name + "': a function name must be a "
                    + "DNS-1123 label of at most " + MAX_LENGTH + " characters, this one has " + name.length());
        }
        if (!DNS_1123_LABEL.matcher(name).matches()) {
            throw new InvalidRequestException("invalid function name '" + name + "': a function name must be a "
                    + "DNS-1123 label: lower case letters, digits and '-', starting and ending with a letter or digit, "
                    + "at most " + MAX_LENGTH + " characters (" + RULE + ")");
        }
    }
}
