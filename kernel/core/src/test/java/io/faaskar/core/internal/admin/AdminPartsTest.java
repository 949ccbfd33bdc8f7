package io.faaskar.core.internal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Principal;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.modules.encryption.BasicEncryption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminPartsTest {

    @TempDir
    Path dir;

    @Test
    void generatedPasswordsAre24LettersOrDigitsAndDiffer() {
        PasswordGenerator generator = new PasswordGenerator();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String p = generator.generate();
            assertEquals(24, p.length());
            assertTrue(p.matches("[A-Za-z0-9]{24}"), p);
            seen.add(p);
        }
        assertEquals(200, seen.size());
    }

    @Test
    void passwordFileIsOwnerOnlyAndReadBack() throws Exception {
        InitialPasswordFile file = InitialPasswordFile.in(dir);
        assertEquals(dir.resolve("faaskar/initial-admin-password"), file.path());
        assertEquals(Optional.empty(), file.read());
        file.write("s3cret-value");
        assertEquals(Optional.of("s3cret-value"), file.read());
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())));
        }
        file.write("second");
        assertEquals(Optional.of("second"), file.read());
        try (var listing = Files.list(file.path().getParent())) {
            assertEquals(1, listing.count(), "no temporary file left behind");
        }
        file.delete();
        assertFalse(Files.exists(file.path()));
        file.delete(); // deleting twice is fine
    }

    @Test
    void hashIsKarafsCryptFormatAndKarafAcceptsIt() {
        String stored = CryptPassword.hash("password");
        assertEquals("{CRYPT}5E884898DA28047151D0E56F8DC6292773603D0D6AABBDD62A11EF721D1542D8{CRYPT}", stored);
        assertTrue(CryptPassword.looksHashed(stored, "{CRYPT}", "{CRYPT}"));
        assertFalse(CryptPassword.looksHashed("password", "{CRYPT}", "{CRYPT}"));

        String digest = stored.substring("{CRYPT}".length(), stored.length() - "{CRYPT}".length());
        BasicEncryption karaf = new BasicEncryption(Map.of("algorithm", "SHA-256", "encoding", "hexadecimal"));
        assertTrue(karaf.checkPassword("password", digest));
        assertFalse(karaf.checkPassword("Password", digest));

        String base64 = CryptPassword.hash("password", "SHA-512", "base64", "{X}", "{X}");
        BasicEncryption karaf64 = new BasicEncryption(Map.of("algorithm", "SHA-512", "encoding", "base64"));
        assertTrue(karaf64.checkPassword("password", base64.substring(3, base64.length() - 3)));
    }

    @Test
    void loginCacheRemembersForItsTtlWithoutKeepingThePassword() {
        AtomicLong clock = new AtomicLong();
        LoginCache cache = new LoginCache(Duration.ofSeconds(30), clock::get);
        char[] pw = "secret".toCharArray();
        assertFalse(cache.isFresh("admin", pw));
        cache.remember("admin", pw);
        assertTrue(cache.isFresh("admin", "secret".toCharArray()));
        assertFalse(cache.isFresh("admin", "Secret".toCharArray()));
        assertFalse(cache.isFresh("admin2", "secret".toCharArray()));
        clock.addAndGet(Duration.ofSeconds(31).toNanos());
        assertFalse(cache.isFresh("admin", pw));
        assertEquals(0, cache.size());
    }

    @Test
    void rolesCountDirectlyAndThroughGroupPrincipals() {
        Set<Principal> direct = Set.of(new UserPrincipal("admin"), new RolePrincipal("admin"));
        assertTrue(JaasAuthenticator.hasRole(direct, "admin"));
        assertFalse(JaasAuthenticator.hasRole(direct, "viewer"));

        GroupPrincipal group = new GroupPrincipal("faaskar");
        group.addMember(new RolePrincipal("viewer"));
        Set<Principal> viaGroup = Set.of(new UserPrincipal("bob"), group);
        assertTrue(JaasAuthenticator.hasRole(viaGroup, "viewer"));
        assertFalse(JaasAuthenticator.hasRole(viaGroup, "admin"));
        // a group principal named like the role is not the role
        assertFalse(JaasAuthenticator.hasRole(Set.of(new GroupPrincipal("admin")), "admin"));
        assertNotEquals(null, group.getName());
    }
}
