package dev.queuectl.daemon;

import static dev.queuectl.daemon.Jobs.awaitState;
import static dev.queuectl.daemon.Jobs.enqueue;
import static dev.queuectl.daemon.Jobs.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Output files made from reusable spool files: a quiet run leaves no file behind and gives its
 * spool file to the next run; output that a run's left-behind processes write after its end
 * stays in that run's own file and never shows up in a later run's.
 */
class OutputSpoolIT {
    private TestDaemon daemon;
    private RawClient c;

    @BeforeEach
    void start() {
        // A long grace period: the left-behind process below ignores SIGTERM (inherited from its
        // shell, so from its first instant) and must live on.
        daemon = TestDaemon.start(s -> s.withKillGrace(Duration.ofSeconds(60)));
        c = daemon.connect();
    }

    @AfterEach
    void stop() {
        c.close();
        daemon.close();
    }

    private Path output() {
        return daemon.settings.dataDir().resolve("output");
    }

    private List<Path> files(Path dir, boolean spool) throws Exception {
        Path spoolDir = output().resolve(".spool");
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.startsWith(spoolDir) == spool).toList();
        }
    }

    @Test
    void quietRunsLeaveNoFileAndShareASpoolFileWhileLateOutputStaysWithItsOwnRun() throws Exception {
        c.ok("{\"op\":\"worker_stop\"}");
        Jobs.config(c, "workers", 1);
        Path gate = daemon.root.resolve("gate");
        String late = enqueue(c, "{\"id\":\"late\",\"command\":" + json("trap '' TERM; (while [ ! -f " + gate
                + " ]; do sleep 0.02; done; echo late) &") + "}");
        String loud = enqueue(c, "{\"id\":\"loud\",\"command\":\"echo loud\"}");
        List<String> quiet = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            quiet.add(enqueue(c, "{\"id\":\"quiet" + i + "\",\"command\":\"true\"}"));
        }
        c.ok("{\"op\":\"worker_start\"}"); // one worker: the runs go in this order
        awaitState(c, loud, "completed", Duration.ofSeconds(30));
        for (String id : quiet) {
            awaitState(c, id, "completed", Duration.ofSeconds(10));
        }

        Files.createFile(gate); // the process the first run left behind prints now
        await().atMost(Duration.ofSeconds(10)).until(() -> Jobs.logs(c, late, 1).equals("late\n"));
        for (String id : quiet) {
            assertEquals("", Jobs.logs(c, id, 1), id + " printed nothing and shows nothing");
        }
        assertEquals("loud\n", Jobs.logs(c, loud, 1));

        List<Path> runFiles = files(output(), false);
        assertEquals(2, runFiles.size(), "only the runs that printed have files: " + runFiles);
        assertTrue(runFiles.stream().allMatch(p -> p.getFileName().toString().matches("\\d+-1\\.log")), runFiles.toString());
        List<Path> spools = files(output().resolve(".spool"), true);
        assertEquals(1, spools.size(), "the quiet runs reused one spool file: " + spools);
        assertEquals(0, Files.size(spools.get(0)));
    }

    @Test
    void aRestartClearsSpoolNamesAndKeepsEveryRunsOutput() throws Exception {
        String loud = enqueue(c, "{\"command\":\"echo kept\"}");
        String quiet = enqueue(c, "{\"command\":\"true\"}");
        awaitState(c, loud, "completed", Duration.ofSeconds(10));
        awaitState(c, quiet, "completed", Duration.ofSeconds(10));
        Path stale = output().resolve(".spool").resolve("stale");
        Files.writeString(stale, "");
        c.close();
        daemon.restart();
        c = daemon.connect();
        assertFalse(Files.exists(stale), "spool names of the previous daemon are gone");
        assertEquals("kept\n", Jobs.logs(c, loud, 1));
        String after = enqueue(c, "{\"command\":\"echo after\"}");
        awaitState(c, after, "completed", Duration.ofSeconds(10));
        assertEquals("after\n", Jobs.logs(c, after, 1));
    }
}
