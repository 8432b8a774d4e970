package dev.queuectl.daemon.engine.process;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a run's process group: SIGTERM to the whole group at once, SIGKILL after a grace period
 * if anything of it is still alive. Thread-safe.
 */
public final class GroupTerminator {
    private static final Logger log = LoggerFactory.getLogger(GroupTerminator.class);

    private final ProcessLauncher launcher;
    private final ScheduledExecutorService timer;
    private final Duration grace;
    /** Groups that got SIGTERM and are due a SIGKILL check. */
    private final java.util.Set<Integer> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public GroupTerminator(ProcessLauncher launcher, ScheduledExecutorService timer, Duration grace) {
        this.launcher = launcher;
        this.timer = timer;
        this.grace = grace;
    }

    public Duration grace() {
        return grace;
    }

    /** TERM now, KILL after the grace period; returns at once. */
    public void terminate(int pgid) {
        terminate(pgid, grace);
    }

    /** TERM now, KILL after {@code grace} (a shorter one when time is short); returns at once. */
    public void terminate(int pgid, Duration grace) {
        if (!launcher.signalGroup(pgid, ProcessLauncher.SIGTERM)) {
            return; // nothing left
        }
        pending.add(pgid);
        timer.schedule(() -> kill(pgid), grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void kill(int pgid) {
        // kill(2) also "succeeds" on a group of zombies waiting to be reaped: look at /proc.
        if (pending.remove(pgid) && !ProcInfo.groupMembers(pgid).isEmpty()
                && launcher.signalGroup(pgid, ProcessLauncher.SIGKILL)) {
            log.info("process group {} was still running after SIGTERM; sent SIGKILL", pgid);
        }
    }

    /** At shutdown: every group still waiting for its grace period to end gets SIGKILL now. */
    public void killPendingNow() {
        for (Integer pgid : pending.toArray(new Integer[0])) {
            kill(pgid);
        }
    }

    /**
     * After a run's shell has exited and been reaped: anything it left running in its group
     * (background children, escaped grandchildren) is stopped too, so no run outlives its end.
     * While such processes exist the group id cannot be reused, so the signal cannot go astray.
     * Returns whether there were any.
     */
    public boolean stopLeftovers(int pgid) {
        if (launcher.groupAlive(pgid) && !ProcInfo.groupMembers(pgid).isEmpty()) {
            log.debug("process group {} still had processes after its shell exited; terminating them", pgid);
            terminate(pgid);
            return true;
        }
        return false;
    }
}
