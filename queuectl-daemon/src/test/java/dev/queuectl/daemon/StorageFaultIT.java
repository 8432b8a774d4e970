package dev.queuectl.daemon;

import static dev.queuectl.daemon.Jobs.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.queuectl.daemon.config.DaemonSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The data dir fills up or turns read-only under a running daemon: requests are refused with a
 * clear STORAGE_ERROR, the daemon keeps serving, it recovers by itself when space returns, and
 * nothing acknowledged is lost. Uses a small tmpfs mounted on the data dir (root only).
 */
class StorageFaultIT {
    @RegisterExtension
    final ShortTempDir tmp = new ShortTempDir();
    private Path root;
    private Path data;
    private boolean mounted;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        root = tmp.path();
        data = root.resolve("data");
        Files.createDirectories(data);
        assumeTrue(ProcessHandle.current().info().user().map("root"::equals).orElse(false),
                "needs root to mount a small tmpfs as a full disk (root also ignores permissions, so a"
                        + " permission-based read-only dir would prove nothing)");
        mounted = sh("mount", "-t", "tmpfs", "-o", "size=8m,mode=0700", "tmpfs", data.toString()) == 0;
        assumeTrue(mounted, "mount -t tmpfs is not permitted here");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted && sh("umount", data.toString()) != 0) {
            sh("umount", "-l", data.toString()); // still busy: detach it lazily rather than leave it
        }
    }

    private static int sh(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor(30, TimeUnit.SECONDS);
        return p.exitValue();
    }

    private static Map<String, Object> enqueue(RawClient c, String id) {
        return c.call("{\"op\":\"enqueue\",\"id\":\"" + id + "\",\"command\":\"echo " + "x".repeat(200) + "\"}");
    }

    @Test
    void aFullDiskRefusesWritesClearlyAndRecoversWhenSpaceReturns() throws Exception {
        DaemonSettings settings = DaemonSettings.of(data, root.resolve("d.sock")).withHttpListen(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
        try (QueueDaemon daemon = QueueDaemon.start(settings); RawClient c = new RawClient(settings.socket())) {
            c.ok("{\"op\":\"worker_stop\"}");
            Path gate = root.resolve("gate");
            String running = Jobs.enqueue(c, "{\"id\":\"running\",\"command\":"
                    + json("while [ ! -f " + gate + " ]; do sleep 0.05; done") + "}");
            c.ok("{\"op\":\"worker_start\",\"count\":1}");
            Jobs.awaitState(c, running, "processing", Duration.ofSeconds(10));
            c.ok("{\"op\":\"worker_stop\"}");

            Path filler = data.resolve("filler");
            Files.write(filler, new byte[7 * 1024 * 1024 - 64 * 1024]);
            List<String> acknowledged = new ArrayList<>();
            Map<String, Object> refused = null;
            for (int i = 0; i < 100_000 && refused == null; i++) {
                Map<String, Object> r = enqueue(c, "f" + i);
                if (Boolean.TRUE.equals(r.get("ok"))) {
                    acknowledged.add("f" + i);
                } else {
                    refused = r;
                }
            }
            assertTrue(refused != null, "the disk filled up");
            assertEquals("STORAGE_ERROR", RawClient.errorCode(refused));
            assertTrue(RawClient.errorMessage(refused).contains("full"), RawClient.errorMessage(refused));
            Files.createFile(gate); // the running job ends while nothing can be written
            assertTrue(c.ok("{\"op\":\"status\"}").containsKey("jobs"), "the daemon keeps serving reads");
            assertEquals("STORAGE_ERROR", RawClient.errorCode(enqueue(c, "still-full")), "and refusing writes");
            String token = HttpDaemon.tokenOf(c.ok("{\"op\":\"dashboard\"}"));
            HttpApi.Answer overHttp = new HttpApi(daemon.httpPort()).post("/api/v1/jobs",
                    "{\"id\":\"over-http\",\"command\":\"echo " + "x".repeat(200) + "\"}", "Authorization", "Bearer " + token);
            assertEquals(507, overHttp.status(), overHttp.toString());
            assertEquals("STORAGE_ERROR", overHttp.code());

            Files.delete(filler);
            await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(enqueue(c, "again" + System.nanoTime()).get("ok")));
            for (String id : acknowledged) {
                assertEquals(id, Jobs.show(c, id).get("id"));
            }
            Jobs.awaitState(c, running, "completed", Duration.ofSeconds(30));
            Figures.report("disk full", acknowledged.size() + " enqueues acknowledged before the 8 MiB disk filled;"
                    + " then STORAGE_ERROR, reads still served, a run that ended meanwhile was recorded once space"
                    + " returned; 0 acknowledged lost");
        }
    }

    @Test
    void aReadOnlyDataDirIsAClearStartUpErrorAndTheStoreStaysIntact() throws Exception {
        DaemonSettings settings = DaemonSettings.of(data, root.resolve("d.sock"));
        try (QueueDaemon daemon = QueueDaemon.start(settings); RawClient c = new RawClient(settings.socket())) {
            c.ok("{\"op\":\"worker_stop\"}");
            assertEquals(Boolean.TRUE, enqueue(c, "before").get("ok"));
        }
        // A live mount cannot be made read-only while SQLite holds its files open for writing,
        // so this is the restart case: the same store on a file system that is now read-only.
        assertEquals(0, sh("mount", "-o", "remount,ro", data.toString()));
        byte[] before = Files.readAllBytes(data.resolve("queuectl.db"));
        DaemonStartException e = assertThrows(DaemonStartException.class, () -> QueueDaemon.start(settings));
        assertTrue(e.getMessage().contains("not writable") || e.getMessage().contains("read-only"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(data.resolve("queuectl.db")));
        assertEquals(0, sh("mount", "-o", "remount,rw", data.toString()));
        try (QueueDaemon daemon = QueueDaemon.start(settings); RawClient c = new RawClient(settings.socket())) {
            assertEquals("before", Jobs.show(c, "before").get("id"), "back to normal once writable");
        }
        Figures.report("read-only data dir", "refused at start-up with: " + e.getMessage());
    }

    @Test
    void aForeignOrCorruptStoreIsRefusedAtStartAndNeverOverwritten() throws Exception {
        byte[] garbage = new byte[16 * 1024];
        new java.util.Random(3).nextBytes(garbage);
        Files.write(data.resolve("queuectl.db"), garbage);
        DaemonSettings settings = DaemonSettings.of(data, root.resolve("d.sock"));
        DaemonStartException e = assertThrows(DaemonStartException.class, () -> QueueDaemon.start(settings));
        assertTrue(e.getMessage().contains("not a usable queuectl store"), e.getMessage());
        assertArrayEquals(garbage, Files.readAllBytes(data.resolve("queuectl.db")));
        assertTrue(Files.notExists(settings.socket()), "nothing was started");
    }
}
