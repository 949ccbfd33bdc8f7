package io.faaskar.gateway.internal.http;

import io.faaskar.api.kernel.AdminAccount;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Checks HTTP basic credentials against the {@link AdminAccount}. Credentials are never logged and the
 * decoded password is wiped once checked.
 */
public final class BasicAuthenticator {

    public static final String CHALLENGE = "Basic realm=\"faaskar\"";

    private static final String PREFIX = "basic ";

    private final AdminAccount account;

    public BasicAuthenticator(AdminAccount account) {
        this.account = account;
    }

    public boolean authenticate(Request request) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header == null || header.length() <= PREFIX.length()
                || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(header.substring(PREFIX.length()).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        CharBuffer text = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(decoded));
        Arrays.fill(decoded, (byte) 0);
        char[] chars = text.array(); // may be longer than the text: only [0, limit) is the credentials
        try {
            int colon = indexOf(text, ':');
            if (colon < 0) {
                return false;
            }
            String user = text.subSequence(0, colon).toString();
            char[] password = Arrays.copyOfRange(chars, colon + 1, text.limit());
            try {
                return account.authenticate(user, password);
            } finally {
                Arrays.fill(password, '\0');
            }
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private static int indexOf(CharBuffer text, char c) {
        for (int i = 0; i < text.limit(); i++) {
            if (text.get(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
