package dev.queuectl.daemon.engine;

import dev.queuectl.daemon.engine.process.ProcInfo;
import dev.queuectl.daemon.engine.process.ProcessLauncher;
import dev.queuectl.daemon.job.InProgressRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up after a crash: every run the store shows in progress for this node — and every run
 * whose owner is provably gone — is recovered before any new run starts. Survivors of such a run (same boot; its leader with the recorded start time,
 * or members of its process group, or processes carrying its run token) are stopped, TERM then
 * KILL, and waited for; then the run is recorded as interrupted and its job is pending again.
 */
final class Recovery {
    private static final Logger log = LoggerFactory.getLogger(Recovery.class);
    private static final Duration GONE_TIMEOUT = Duration.ofSeconds(30);

    private final EngineContext ctx;

    Recovery(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** Returns the number of runs recovered. Blocks until survivors are gone. */
    int run() {
        int n = recover(ctx.store.runsInProgress(ctx.node).join(), "the daemon stopped unexpectedly");
        return n + recoverOrphans();
    }

    /**
     * Runs whose owner is provably gone (with a shared store: nodes whose lease expired), each
     * recorded as interrupted with its owner named. Returns how many.
     */
    int recoverOrphans() {
        Map<String, List<InProgressRun>> byOwner = new LinkedHashMap<>();
        for (InProgressRun r : ctx.store.orphanedRuns(ctx.node).join()) {
            byOwner.computeIfAbsent(String.valueOf(r.node()), k -> new ArrayList<>()).add(r);
        }
        int n = 0;
        for (Map.Entry<String, List<InProgressRun>> e : byOwner.entrySet()) {
            n += recover(e.getValue(), ctx.cluster.shared() ? "node " + e.getKey() + " lost its lease"
                    : "the daemon stopped unexpectedly");
        }
        return n;
    }

    /** Stops what survives of {@code runs} on this host, then records them as interrupted. */
    private int recover(List<InProgressRun> runs, String reason) {
        if (runs.isEmpty()) {
            return 0;
        }
        Map<String, List<Integer>> tokens = ProcInfo.byEnvironment(EngineContext.RUN_VARIABLE);
        Set<Integer> groups = new LinkedHashSet<>();
        for (InProgressRun r : runs) {
            groups.addAll(survivingGroups(r, tokens.getOrDefault(ctx.runTokenValue(r.seq(), r.attempt()), List.of())));
        }
        if (!groups.isEmpty()) {
            log.warn("stopping {} process group(s) left running ({}): {}", groups.size(), reason, groups);
            stop(groups);
        }
        int n = ctx.store.interrupt(runs, reason).join();
        log.warn("recovered {} run(s) ({}); their jobs are pending again", n, reason);
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

    private void stop(Set<Integer> groups) {
        for (int g : groups) {
            ctx.launcher.signalGroup(g, ProcessLauncher.SIGTERM);
        }
        if (!awaitGone(groups, ctx.settings.killGrace())) {
            for (int g : groups) {
                ctx.launcher.signalGroup(g, ProcessLauncher.SIGKILL);
            }
            if (!awaitGone(groups, GONE_TIMEOUT)) {
                log.error("process groups {} survived SIGKILL; starting anyway", groups);
            }
        }
    }

    private static boolean awaitGone(Set<Integer> groups, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            boolean any = false;
            for (int g : groups) {
                if (!ProcInfo.groupMembers(g).isEmpty()) {
                    any = true;
                    break;
                }
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
}
