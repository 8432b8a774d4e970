package dev.queuectl.daemon.engine.process;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a run's whole tree ({@link RunTree}): SIGTERM to every process of it at once, SIGKILL
 * after a grace period if anything of it is still alive. The same for a time limit, a cancel,
 * a drain and what a run left behind when its shell exited. Thread-safe.
 */
public final class TreeTerminator {
    private static final Logger log = LoggerFactory.getLogger(TreeTerminator.class);

    private final ScheduledExecutorService timer;
    private final Duration grace;
    /** Trees that got SIGTERM and are due a SIGKILL check. */
    private final Set<RunTree> pending = ConcurrentHashMap.newKeySet();

    public TreeTerminator(ScheduledExecutorService timer, Duration grace) {
        this.timer = timer;
        this.grace = grace;
    }

    public Duration grace() {
        return grace;
    }

    /** TERM now, KILL after the grace period; returns at once. */
    public void terminate(RunTree tree) {
        terminate(tree, grace);
    }

    /** TERM now, KILL after {@code grace} (a shorter one when time is short: a fenced node); returns at once. */
    public void terminate(RunTree tree, Duration grace) {
        if (!tree.terminate()) {
            return; // nothing left
        }
        pending.add(tree);
        timer.schedule(() -> kill(tree), grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void kill(RunTree tree) {
        if (pending.remove(tree) && tree.alive()) {
            tree.kill();
            log.info("processes of the run with shell pid {} were still running after SIGTERM; sent SIGKILL",
                    tree.pid());
        }
    }

    /** At shutdown: every tree still waiting for its grace period to end gets SIGKILL now. */
    public void killPendingNow() {
        for (RunTree tree : pending.toArray(new RunTree[0])) {
            kill(tree);
        }
    }

    /**
     * After a run's shell has exited and been reaped: anything it left running (background
     * children, processes that left its group) is stopped too, so no run outlives its end.
     * Returns whether there were any.
     */
    public boolean stopLeftovers(RunTree tree) {
        if (tree.leftAfterEnd()) {
            log.debug("the run with shell pid {} left processes running; terminating them", tree.pid());
            terminate(tree);
            return true;
        }
        return false;
    }
}
