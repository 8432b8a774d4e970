package dev.queuectl.daemon.engine;

import dev.queuectl.daemon.engine.process.CgroupSlot;
import dev.queuectl.daemon.engine.process.ProcInfo;
import dev.queuectl.daemon.engine.process.ProcessLauncher;
import dev.queuectl.daemon.health.Loop;
import dev.queuectl.daemon.job.InProgressRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up after a crash: every run the store shows in progress for this node — and every run
 * whose owner is provably gone — is recovered before any new run starts. Survivors of such a
 * run (same boot; its recorded cgroup, its leader with the recorded start time, members of its
 * process group, processes carrying its run marker) are stopped, TERM then KILL, and waited for;
 * so is anything in cgroups an earlier daemon of this data dir left. Then the runs are recorded
 * as interrupted and their jobs are pending again. A run whose survivors cannot be looked for
 * (an unexpected error) is logged with its job's id and recovered all the same.
 */
final class Recovery {
    private static final Logger log = LoggerFactory.getLogger(Recovery.class);
    private static final Duration GONE_TIMEOUT = Duration.ofSeconds(30);
    /** What a run's cgroup is called: a slot in a daemon's cgroup. Nothing else is ever killed from a record. */
    private static final Pattern RUN_CGROUP = Pattern.compile(".*/queuectld-[0-9a-f]+/slot-[0-9]+");

    private final EngineContext ctx;
    private final Loop turns;

    Recovery(EngineContext ctx) {
        this.ctx = ctx;
        this.turns = ctx.health.task(Loop.RECOVERY);
    }

    /** Returns the number of runs recovered. Blocks until survivors are gone. */
    int run() {
        List<InProgressRun> runs = new ArrayList<>(ctx.store.runsInProgress(ctx.node).join());
        if (!ctx.cluster.shared()) {
            runs.addAll(ctx.store.orphanedRuns(ctx.node).join());
        }
        Set<Path> cgroups = new LinkedHashSet<>(ctx.containment.leftovers());
        Set<Integer> groups = new LinkedHashSet<>();
        if (!runs.isEmpty()) {
            Map<String, List<Integer>> tokens = ProcInfo.byEnvironment(EngineContext.RUN_VARIABLE);
            for (InProgressRun r : runs) {
                turns.turn(r.id(), () -> {
                    groups.addAll(survivingGroups(r, tokens.getOrDefault(ctx.runTokenValue(r.seq(), r.attempt()),
                            List.of())));
                    if (r.cgroup() != null && ctx.bootId.equals(r.bootId()) && RUN_CGROUP.matcher(r.cgroup()).matches()
                            && CgroupSlot.populated(Path.of(r.cgroup()))) {
                        cgroups.add(Path.of(r.cgroup()));
                    }
                });
            }
        }
        cgroups.removeIf(c -> !CgroupSlot.populated(c) && remove(c));
        if (!groups.isEmpty() || !cgroups.isEmpty()) {
            log.warn("stopping what a daemon that stopped unexpectedly left running: process groups {}, cgroups {}",
                    groups, cgroups);
            stop(groups, cgroups);
        }
        cgroups.forEach(Recovery::remove);
        ctx.containment.leftovers().forEach(Recovery::remove);
        removeOtherDaemonCgroups(cgroups);
        int n = 0;
        if (!runs.isEmpty()) {
            n = ctx.store.interrupt(runs, "the daemon stopped unexpectedly").join();
            log.warn("recovered {} run(s) interrupted by an unexpected stop; their jobs are pending again", n);
        }
        return ctx.cluster.shared() ? n + recoverOrphans() : n;
    }

    /**
     * With a shared store: runs of nodes whose lease expired, each recorded as interrupted with
     * its owner named. Their processes were on the owner's host, stopped by its fencing or its
     * watchdog; should the owner have shared this host, what survives of them is stopped first.
     * Returns how many.
     */
    int recoverOrphans() {
        Map<String, List<InProgressRun>> byOwner = new LinkedHashMap<>();
        List<InProgressRun> orphans = ctx.store.orphanedRuns(ctx.node).join();
        if (orphans.isEmpty()) {
            return 0;
        }
        Map<String, List<Integer>> tokens = ProcInfo.byEnvironment(EngineContext.RUN_VARIABLE);
        Set<Integer> groups = new LinkedHashSet<>();
        for (InProgressRun r : orphans) {
            byOwner.computeIfAbsent(String.valueOf(r.node()), k -> new ArrayList<>()).add(r);
            groups.addAll(survivingGroups(r, tokens.getOrDefault(ctx.runTokenValue(r.seq(), r.attempt()), List.of())));
        }
        if (!groups.isEmpty()) {
            log.warn("stopping process groups of runs whose node lost its lease: {}", groups);
            stop(groups, Set.of());
        }
        int n = 0;
        for (Map.Entry<String, List<InProgressRun>> e : byOwner.entrySet()) {
            String reason = "node " + e.getKey() + " lost its lease";
            int recovered = ctx.store.interrupt(e.getValue(), reason).join();
            log.warn("recovered {} run(s) ({}); their jobs are pending again", recovered, reason);
            n += recovered;
        }
        return n;
    }

    /** Process groups that still hold processes of this run. */
    private List<Integer> survivingGroups(InProgressRun r, List<Integer> carryingToken) {
        List<Integer> out = new ArrayList<>();
        if (r.pgid() != null && ctx.bootId.equals(r.bootId())) {
            int pgid = r.pgid();
            ProcInfo.Stat leader = ProcInfo.stat(pgid);
            if (leader != null && leader.state() != 'Z' && leader.pgrp() == pgid) {
                // The leader's pid may have been reused; only the recorded start time proves it is ours.
                if (r.procStart() != null && leader.startTime() == r.procStart()) {
                    out.add(pgid);
                }
            } else if (!ProcInfo.groupMembers(pgid).isEmpty()) {
                // The leader is gone, but members keep the group id reserved: they can only be ours.
                out.add(pgid);
            }
        }
        // Whatever carries the run's token is part of the run, even if it left the group.
        for (int pid : carryingToken) {
            ProcInfo.Stat s = ProcInfo.stat(pid);
            if (s != null && s.pgrp() > 1 && !out.contains(s.pgrp())) {
                out.add(s.pgrp());
            }
        }
        return out;
    }

    private void stop(Set<Integer> groups, Set<Path> cgroups) {
        for (int g : groups) {
            ctx.launcher.signalGroup(g, ProcessLauncher.SIGTERM);
        }
        for (Path c : cgroups) {
            for (int pid : CgroupSlot.pids(c)) {
                if (pid > 1) {
                    ctx.launcher.signal(pid, ProcessLauncher.SIGTERM);
                }
            }
        }
        if (!awaitGone(groups, cgroups, ctx.settings.killGrace())) {
            for (int g : groups) {
                ctx.launcher.signalGroup(g, ProcessLauncher.SIGKILL);
            }
            cgroups.forEach(CgroupSlot::kill);
            if (!awaitGone(groups, cgroups, GONE_TIMEOUT)) {
                log.error("process groups {} or cgroups {} survived SIGKILL; starting anyway", groups, cgroups);
            }
        }
    }

    private static boolean awaitGone(Set<Integer> groups, Set<Path> cgroups, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            boolean any = false;
            for (int g : groups) {
                any |= !ProcInfo.groupMembers(g).isEmpty();
            }
            for (Path c : cgroups) {
                any |= CgroupSlot.populated(c);
            }
            if (!any) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /**
     * A run recorded under another cgroup of this data dir's daemon (one started with another
     * cgroup-root) leaves that daemon's cgroup behind once the run's is removed: remove it too
     * when nothing else is in it (rmdir refuses a cgroup that still has children).
     */
    private void removeOtherDaemonCgroups(Set<Path> runCgroups) {
        Path ours = ctx.containment.info().cgroup();
        for (Path c : runCgroups) {
            Path parent = c.getParent();
            if (parent != null && !parent.equals(ours) && parent.getFileName().toString().startsWith("queuectld-")) {
                try {
                    Files.deleteIfExists(parent);
                } catch (IOException e) {
                    log.debug("left the cgroup {} in place: {}", parent, e.toString());
                }
            }
        }
    }

    /** Removes an emptied cgroup; true when it is gone. */
    private static boolean remove(Path cgroup) {
        try {
            Files.deleteIfExists(cgroup);
            return true;
        } catch (IOException e) {
            log.warn("could not remove the cgroup {}: {}", cgroup, e.toString());
            return false;
        }
    }
}
