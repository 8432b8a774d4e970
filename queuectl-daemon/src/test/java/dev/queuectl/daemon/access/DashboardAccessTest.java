package dev.queuectl.daemon.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.ShortTempDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DashboardAccessTest {
    @RegisterExtension
    final ShortTempDir tmp = new ShortTempDir();

    private Path file() {
        return tmp.resolve(DashboardAccess.FILE_NAME);
    }

    private String mode() throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file()));
    }

    @Test
    void tokensAreRandomKeptPrivateAndTheSameAfterAReopen() throws Exception {
        DashboardAccess a = DashboardAccess.open(tmp.path());
        assertEquals("rw-------", mode());
        String rw = a.token(Role.READ_WRITE);
        String ro = a.token(Role.READ_ONLY);
        assertEquals(43, rw.length(), "256 bits, base64url");
        assertNotEquals(rw, ro);
        assertEquals(Optional.of(Role.READ_WRITE), a.roleOfToken(rw));
        assertEquals(Optional.of(Role.READ_ONLY), a.roleOfToken(ro));
        assertEquals(Optional.empty(), a.roleOfToken(rw.substring(1) + "A"));
        assertEquals(Optional.empty(), a.roleOfToken(null));
        DashboardAccess again = DashboardAccess.open(tmp.path());
        assertEquals(rw, again.token(Role.READ_WRITE));
        assertEquals(a.sessionValue(Role.READ_ONLY), again.sessionValue(Role.READ_ONLY));
    }

    @Test
    void aSessionValueIsNotTheTokenAndGrantsItsRole() throws Exception {
        DashboardAccess a = DashboardAccess.open(tmp.path());
        String session = a.sessionValue(Role.READ_ONLY);
        assertNotEquals(a.token(Role.READ_ONLY), session);
        assertEquals(Optional.of(Role.READ_ONLY), a.roleOfSession(session));
        assertEquals(Optional.empty(), a.roleOfSession(a.token(Role.READ_ONLY)), "a token is not a session");
        assertEquals(Optional.empty(), a.roleOfToken(session), "a session value is not a token");
    }

    @Test
    void rotatingReplacesBothTokensAndEndsEverySession() throws Exception {
        DashboardAccess a = DashboardAccess.open(tmp.path());
        String rw = a.token(Role.READ_WRITE);
        String session = a.sessionValue(Role.READ_WRITE);
        a.rotate();
        assertNotEquals(rw, a.token(Role.READ_WRITE));
        assertEquals(Optional.empty(), a.roleOfToken(rw));
        assertEquals(Optional.empty(), a.roleOfSession(session));
        assertEquals("rw-------", mode());
        assertEquals(a.token(Role.READ_WRITE), DashboardAccess.open(tmp.path()).token(Role.READ_WRITE));
        assertFalse(Files.exists(tmp.resolve(DashboardAccess.FILE_NAME + ".tmp")));
    }

    @Test
    void aDamagedFileIsReplacedAndALooseOneTightened() throws Exception {
        Files.writeString(file(), "read-write = short\n");
        DashboardAccess a = DashboardAccess.open(tmp.path());
        assertTrue(Files.readString(file()).contains(a.token(Role.READ_ONLY)));
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));
        DashboardAccess.open(tmp.path());
        assertEquals("rw-------", mode());
    }
}
