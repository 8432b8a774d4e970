package dev.queuectl.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.config.DaemonOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** A daemon's node id is stable across restarts, private to its data dir, and settable. */
class NodeIdentityIT {
    @Test
    void theNodeIdIsKeptInTheDataDirAndSurvivesARestart() throws Exception {
        try (TestDaemon d = TestDaemon.start()) {
            String first = d.daemon().node();
            assertTrue(first.matches("[A-Za-z0-9._:@-]{1,64}"), first);
            Path file = d.settings.dataDir().resolve("node-id");
            assertEquals(first, Files.readString(file).strip());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            d.restart();
            assertEquals(first, d.daemon().node(), "the same node after a restart");
            try (TestDaemon other = TestDaemon.start()) {
                assertNotEquals(first, other.daemon().node(), "another data dir is another node");
            }
        }
    }

    @Test
    void theNodeIdSettingWins() {
        try (TestDaemon d = TestDaemon.start(s -> s.with(DaemonOption.NODE_ID, "build-host-1"))) {
            assertEquals("build-host-1", d.daemon().node());
            try (RawClient c = d.connect()) {
                assertEquals("build-host-1", c.ok("{\"op\":\"status\"}").get("node"));
            }
        }
    }
}
