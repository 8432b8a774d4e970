package dev.queuectl.daemon;

import static dev.queuectl.daemon.Jobs.awaitState;
import static dev.queuectl.daemon.Jobs.enqueue;
import static dev.queuectl.daemon.Jobs.history;
import static dev.queuectl.daemon.Jobs.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.config.DaemonSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No process outlives its run, whatever it does to leave the run's process group: {@code setsid},
 * a plain double fork, a daemon-style double fork with {@code setsid} between, {@code nohup … &}
 * — on normal completion, time limit, cancel, drain and crash recovery alike. Each case runs with
 * both mechanisms: a cgroup per run ({@code cgroup}), and process group plus run marker
 * ({@code marker}, which is what a daemon that may not create cgroups uses).
 */
class ContainmentIT {
    private static final int ESCAPEES = 4;

    @RegisterExtension
    final ShortTempDir tmp = new ShortTempDir();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private Path pids() {
        return tmp.resolve("pids");
    }

    /**
     * A command that starts the escapees (each writes its pid to the pids file), waits until all
     * of them have, then does {@code then}. {@code extra} escapees come on top of the four.
     */
    private String escaping(String then, String... extra) {
        String p = pids().toString();
        StringBuilder b = new StringBuilder();
        b.append("setsid sleep 3011 & echo $! >> ").append(p).append("; ");
        b.append("( (sleep 3012 & echo $! >> ").append(p).append(") & ); ");
        b.append("( setsid sh -c 'sleep 3013 & echo $! >> ").append(p).append("' & ); ");
        b.append("nohup sleep 3014 > /dev/null 2>&1 & echo $! >> ").append(p).append("; ");
        for (String e : extra) {
            b.append(e).append(" & echo $! >> ").append(p).append("; ");
        }
        int n = ESCAPEES + extra.length;
        b.append("while [ \"$(wc -l < ").append(p).append(")\" -lt ").append(n).append(" ]; do sleep 0.05; done; ");
        return b.append(then).toString();
    }

    private List<Long> awaitEscapees(int n) {
        await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(pids()) && lines() >= n);
        List<Long> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(pids())) {
                out.add(Long.parseLong(line.strip()));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    private long lines() throws IOException {
        try (Stream<String> s = Files.lines(pids())) {
            return s.count();
        }
    }

    private static void assertAllStopped(List<Long> pids, String when) {
        for (long pid : pids) {
            await().atMost(Duration.ofSeconds(15)).until(() -> !EngineIT.alive(pid));
        }
        for (long pid : pids) {
            assertFalse(EngineIT.alive(pid), "process " + pid + " outlived its run (" + when + ")");
        }
    }

    private DaemonSettings settings(String mechanism) {
        DaemonSettings s = DaemonSettings.of(tmp.resolve("data"), tmp.resolve("d.sock"))
                .withKillGrace(Duration.ofMillis(500)).withDrainTimeout(Duration.ofMillis(300));
        return mechanism.equals("marker") ? s.withCgroupRoot("off") : s;
    }

    /** A daemon using {@code mechanism}; a cgroup test that cannot run here says why and is skipped. */
    private QueueDaemon start(String mechanism) {
        QueueDaemon d = QueueDaemon.start(settings(mechanism));
        open.add(d);
        try (RawClient c = new RawClient(d.socket())) {
            Map<?, ?> containment = (Map<?, ?>) c.ok("{\"op\":\"status\"}").get("containment");
            Cgroups.assumeMechanism(mechanism, containment);
        }
        return d;
    }

    private RawClient connect(QueueDaemon d) {
        RawClient c = new RawClient(d.socket());
        open.add(c);
        return c;
    }

    @ParameterizedTest
    @ValueSource(strings = {"cgroup", "marker"})
    void escapeesStopWhenTheRunCompletes(String mechanism) {
        QueueDaemon d = start(mechanism);
        RawClient c = connect(d);
        String id = enqueue(c, "{\"command\":" + json(escaping("echo done")) + "}");
        Map<String, Object> job = awaitState(c, id, "completed", Duration.ofSeconds(20));
        assertEquals(0L, job.get("exit_code"));
        assertAllStopped(awaitEscapees(ESCAPEES), "completion, " + mechanism);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cgroup", "marker"})
    void escapeesStopWhenTheRunTimesOut(String mechanism) {
        QueueDaemon d = start(mechanism);
        RawClient c = connect(d);
        String id = enqueue(c, "{\"max_retries\":0,\"timeout\":2,\"command\":" + json(escaping("sleep 3010")) + "}");
        List<Long> escapees = awaitEscapees(ESCAPEES);
        Map<String, Object> job = awaitState(c, id, "dead", Duration.ofSeconds(20));
        assertEquals("timed out after 2s", job.get("last_error"));
        assertAllStopped(escapees, "timeout, " + mechanism);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cgroup", "marker"})
    void escapeesStopWhenTheJobIsCancelled(String mechanism) {
        QueueDaemon d = start(mechanism);
        RawClient c = connect(d);
        String id = enqueue(c, "{\"command\":" + json(escaping("sleep 3010")) + "}");
        List<Long> escapees = awaitEscapees(ESCAPEES);
        Map<String, Object> cancelled = c.ok("{\"op\":\"cancel\",\"id\":\"" + id + "\"}");
        assertEquals("dead", cancelled.get("state"));
        assertAllStopped(escapees, "cancel, " + mechanism);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cgroup", "marker"})
    void escapeesStopWhenADrainInterruptsTheRun(String mechanism) throws Exception {
        QueueDaemon d = start(mechanism);
        try (RawClient c = new RawClient(d.socket())) {
            enqueue(c, "{\"command\":" + json(escaping("sleep 3010")) + "}");
            List<Long> escapees = awaitEscapees(ESCAPEES);
            Map<String, Object> drained = c.ok("{\"op\":\"drain\"}");
            assertEquals(1L, drained.get("interrupted"));
            d.awaitTermination();
            assertAllStopped(escapees, "drain, " + mechanism);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cgroup", "marker"})
    void escapeesOfACrashedDaemonAreStoppedBeforeTheNextOneServes(String mechanism) throws Exception {
        DaemonSettings s = settings(mechanism);
        Path ranOnce = tmp.resolve("ran-once");
        String command = "if [ -f " + ranOnce + " ]; then exit 0; fi; touch " + ranOnce + "; " + escaping("sleep 3010");
        String id;
        List<Long> escapees;
        try (DaemonProcess crashed = DaemonProcess.start(s.dataDir(), s.socket(), "--kill-grace=500ms",
                "--cgroup-root=" + s.cgroupRoot())) {
            try (RawClient c = new RawClient(s.socket())) {
                Cgroups.assumeMechanism(mechanism, (Map<?, ?>) c.ok("{\"op\":\"status\"}").get("containment"));
                id = enqueue(c, "{\"command\":" + json(command) + "}");
            }
            escapees = awaitEscapees(ESCAPEES);
            crashed.kill9();
        }
        for (long pid : escapees) {
            assertTrue(EngineIT.alive(pid), "the run survives its daemon: " + pid);
        }
        QueueDaemon again = QueueDaemon.start(s);
        open.add(again);
        for (long pid : escapees) {
            assertFalse(EngineIT.alive(pid), "stopped by recovery before start returned: " + pid);
        }
        RawClient c = connect(again);
        Map<String, Object> job = awaitState(c, id, "completed", Duration.ofSeconds(20));
        assertEquals("interrupted", history(job).get(0).get("outcome"));
    }

    @Test
    void aCgroupHoldsEvenWhatClearsItsEnvironmentAndRecoveryFindsItByTheRecordedCgroup() throws Exception {
        DaemonSettings s = settings("cgroup");
        String hidden = "env -i setsid /bin/sleep 3015";
        List<Long> escapees;
        try (DaemonProcess crashed = DaemonProcess.start(s.dataDir(), s.socket(), "--kill-grace=500ms")) {
            try (RawClient c = new RawClient(s.socket())) {
                Cgroups.assumeMechanism("cgroup", (Map<?, ?>) c.ok("{\"op\":\"status\"}").get("containment"));
                String id = enqueue(c, "{\"command\":" + json(escaping("sleep 3010", hidden)) + "}");
                escapees = awaitEscapees(ESCAPEES + 1);
                // The run's start (its pid and cgroup) is committed a moment after it starts: wait for it.
                await().atMost(Duration.ofSeconds(10)).until(() -> history(Jobs.show(c, id)).size() == 1);
            }
            crashed.kill9();
        }
        long unmarked = 0;
        for (long pid : escapees) {
            if (!new String(Files.readAllBytes(Path.of("/proc/" + pid + "/environ"))).contains("QUEUECTL_RUN")) {
                unmarked++;
            }
        }
        assertEquals(1, unmarked, "one escapee carries no run marker");
        // The next daemon may not create cgroups: only the cgroup recorded with the run leads to it.
        QueueDaemon again = QueueDaemon.start(s.withCgroupRoot("off"));
        open.add(again);
        for (long pid : escapees) {
            assertFalse(EngineIT.alive(pid), "stopped by recovery through the recorded cgroup: " + pid);
        }
    }

    @Test
    void cgroupsAreReusedOnePerWorkerAndRemovedWhenTheDaemonStops() {
        QueueDaemon d = start("cgroup");
        RawClient c = connect(d);
        Jobs.config(c, "workers", 2);
        Path base = Path.of((String) ((Map<?, ?>) c.ok("{\"op\":\"status\"}").get("containment")).get("cgroup"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(enqueue(c, "{\"command\":\"cat /proc/self/cgroup | grep '^0::'\"}"));
        }
        for (String id : ids) {
            awaitState(c, id, "completed", Duration.ofSeconds(20));
        }
        String cgroup = Jobs.logs(c, ids.get(0), 1).strip();
        assertTrue(cgroup.matches("0::.*/queuectld-[0-9a-f]+/slot-[0-9]+"), "the run was in its slot: " + cgroup);
        try (Stream<Path> slots = Files.list(base)) {
            long n = slots.filter(p -> p.getFileName().toString().startsWith("slot-")).count();
            assertTrue(n <= 3, n + " slots for 30 runs on 2 workers: slots are reused");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        d.close();
        assertFalse(Files.exists(base), "the daemon's cgroup is removed when it stops");
    }

    @Test
    void statusSaysWhichMechanismIsActiveAndWhy() {
        QueueDaemon d = QueueDaemon.start(settings("marker"));
        open.add(d);
        RawClient c = connect(d);
        Map<?, ?> containment = (Map<?, ?>) c.ok("{\"op\":\"status\"}").get("containment");
        assertEquals("marker", containment.get("mechanism"));
        assertNull(containment.get("cgroup"));
        assertEquals("cgroup-root is off", containment.get("reason"));
    }
}
