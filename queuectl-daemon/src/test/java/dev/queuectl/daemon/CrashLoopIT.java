package dev.queuectl.daemon;

import static dev.queuectl.daemon.Jobs.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * kill -9 at random moments: nothing acknowledged is lost, nothing runs twice at once, runs
 * repeat only when they were interrupted, and no process of a killed daemon outlives recovery.
 */
class CrashLoopIT {
    private static final long SEED = 20261122L;
    @RegisterExtension
    final ShortTempDir tmp = new ShortTempDir();
    private Path root;
    /** Every daemon a test started, stopped in tearDown even when the test failed half-way. */
    private final List<DaemonProcess> started = new java.util.ArrayList<>();

    @BeforeEach
    void setUp() {
        root = tmp.path();
    }

    @AfterEach
    void tearDown() {
        started.forEach(DaemonProcess::close);
    }

    private DaemonProcess start(Path data, Path socket, String... flags) {
        DaemonProcess d = DaemonProcess.start(data, socket, flags);
        started.add(d);
        return d;
    }

    private static long count(Path socket, String state) {
        try (RawClient c = new RawClient(socket)) {
            return Jobs.count(c, state);
        }
    }

    @Test
    void everyJobCompletesAndOnlyInterruptedRunsRepeatAcrossKillMinus9() throws Exception {
        int jobs = Figures.size(2_000, 20_000);
        int kills = Figures.size(3, 15);
        Path data = root.resolve("data");
        Path socket = root.resolve("d.sock");
        Path out = root.resolve("ids");
        Random random = new Random(SEED);

        DaemonProcess daemon = start(data, socket, "--kill-grace=1s");
        try (RawClient c = new RawClient(socket)) {
            c.ok("{\"op\":\"worker_stop\"}");
            Jobs.config(c, "workers", 4);
            String command = json("echo $QUEUECTL_JOB_ID >> " + out + "; sleep 0.02");
            for (int from = 0; from < jobs; from += 1000) {
                StringBuilder batch = new StringBuilder("{\"op\":\"enqueue_batch\",\"jobs\":[");
                for (int i = from; i < Math.min(jobs, from + 1000); i++) {
                    batch.append(i == from ? "" : ",").append("{\"id\":\"c").append(i).append("\",\"command\":")
                            .append(command).append('}');
                }
                c.ok(batch.append("]}").toString());
            }
            c.ok("{\"op\":\"worker_start\"}");
        }
        int survivorsSeen = 0;
        for (int k = 1; k <= kills; k++) {
            long slice = jobs / (kills + 1);
            long target = k * slice + random.nextInt((int) Math.max(1, slice / 2));
            await().atMost(Duration.ofMinutes(5)).until(() -> count(socket, "completed") >= target);
            daemon.kill9();
            List<Long> survivors = ProcScan.runsOf(data);
            survivorsSeen += survivors.size();
            daemon = start(data, socket, "--kill-grace=1s");
            // start() returns once the socket accepts, and recovery finishes before that.
            assertEquals(List.of(), survivors.stream().filter(EngineIT::alive).toList(),
                    "recovery stopped every survivor of the killed daemon before serving");
        }
        DaemonProcess last = daemon;
        await().atMost(Duration.ofMinutes(10)).until(() -> count(socket, "completed") == jobs);
        assertEquals(0, count(socket, "processing"));
        try (RawClient c = new RawClient(socket)) {
            c.ok("{\"op\":\"drain\"}");
        }
        assertEquals(0, last.waitForExit());
        assertEquals(List.of(), ProcScan.runsOf(data), "no process of any run is left");

        Map<String, Integer> lines = new HashMap<>();
        for (String line : Files.readAllLines(out)) {
            lines.merge(line.strip(), 1, Integer::sum);
        }
        Map<String, Integer> interrupted = new HashMap<>();
        int interruptedRuns = 0;
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("queuectl.db"));
             Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT j.id, count(*) FROM attempts a JOIN jobs j ON j.seq = a.job_seq"
                     + " WHERE a.outcome = 'interrupted' GROUP BY j.id")) {
            while (rs.next()) {
                interrupted.put(rs.getString(1), rs.getInt(2));
                interruptedRuns += rs.getInt(2);
            }
        }
        Set<String> duplicated = new HashSet<>();
        for (int i = 0; i < jobs; i++) {
            String id = "c" + i;
            int n = lines.getOrDefault(id, 0);
            assertTrue(n >= 1, id + " ran");
            int allowed = 1 + interrupted.getOrDefault(id, 0);
            assertTrue(n <= allowed, id + " ran " + n + " times with only " + (allowed - 1) + " interrupted run(s)");
            if (n > 1) {
                duplicated.add(id);
            }
        }
        assertTrue(interrupted.keySet().containsAll(duplicated), "every repeated id had an interrupted run");
        Set<String> interruptedWithoutRepeat = new HashSet<>(interrupted.keySet());
        interruptedWithoutRepeat.removeAll(duplicated);
        Figures.report("crash loop", jobs + " jobs, " + kills + " kill -9, " + survivorsSeen
                + " surviving job processes stopped by recovery, " + interruptedRuns + " interrupted runs, "
                + duplicated.size() + " ids repeated (all with an interrupted run), " + interruptedWithoutRepeat.size()
                + " interrupted before the job wrote anything, 0 lost, 0 left processing");
    }

    @Test
    void everyAcknowledgedEnqueueSurvivesKillMinus9MidStream() throws Exception {
        Path data = root.resolve("data");
        Path socket = root.resolve("d.sock");
        DaemonProcess daemon = start(data, socket);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        int killAfter = Figures.size(3_000, 30_000);
        try (RawClient c = new RawClient(socket)) {
            c.ok("{\"op\":\"worker_stop\"}");
            Thread reader = new Thread(() -> {
                try {
                    while (true) {
                        String line = c.readLine();
                        if (line == null) {
                            return;
                        }
                        Map<?, ?> r = (Map<?, ?>) dev.queuectl.protocol.json.Json.parse(line);
                        if (Boolean.TRUE.equals(r.get("ok"))) {
                            acknowledged.add((String) ((Map<?, ?>) r.get("result")).get("id"));
                        }
                    }
                } catch (RuntimeException e) {
                    // the daemon was killed
                } finally {
                    stop.set(true);
                }
            }, "ack-reader");
            reader.start();
            int sent = 0;
            try {
                while (!stop.get()) {
                    c.send("{\"op\":\"enqueue\",\"id\":\"a" + sent + "\",\"command\":\"true\"}");
                    sent++;
                    if (acknowledged.size() >= killAfter) {
                        daemon.kill9();
                        break;
                    }
                }
            } catch (RuntimeException e) {
                // writing to a dead daemon
            }
            reader.join(10_000);
            int acked = acknowledged.size();
            try (QueueDaemon again = QueueDaemon.start(dev.queuectl.daemon.config.DaemonSettings.of(data, socket));
                 RawClient check = new RawClient(socket)) {
                Set<String> stored = new HashSet<>();
                for (Object o : (List<?>) check.ok("{\"op\":\"list\",\"limit\":10000}").get("jobs")) {
                    stored.add((String) ((Map<?, ?>) o).get("id"));
                }
                long total = (Long) check.ok("{\"op\":\"list\",\"limit\":1}").get("total");
                if (total > 10_000) {
                    for (String id : acknowledged) {
                        if (!stored.contains(id) && Boolean.TRUE.equals(
                                check.call("{\"op\":\"show\",\"id\":\"" + id + "\"}").get("ok"))) {
                            stored.add(id);
                        }
                    }
                }
                Set<String> lost = new HashSet<>(acknowledged);
                lost.removeAll(stored);
                assertEquals(Set.of(), lost, "acknowledged but lost");
                Figures.report("acknowledged = durable", sent + " enqueues sent, " + acked + " acknowledged before"
                        + " kill -9, " + total + " in the store after restart (" + (total - acked)
                        + " committed but not yet acknowledged), 0 acknowledged lost");
            }
        }
    }
}
