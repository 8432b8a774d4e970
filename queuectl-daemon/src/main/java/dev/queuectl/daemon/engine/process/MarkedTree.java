package dev.queuectl.daemon.engine.process;

import java.time.Duration;

/**
 * A run without a cgroup: its shell's process group, plus the processes that left the group but
 * carry the run's {@code QUEUECTL_RUN} marker in their environment (a process that clears its
 * environment and leaves the group escapes this; a cgroup does not let it). Thread-safe.
 */
final class MarkedTree implements RunTree {
    /** A run shorter than this, whose pids did not wrap, is scanned for escapes only among newer pids. */
    private static final Duration SHORT_RUN = Duration.ofMillis(100);

    private final ProcessLauncher launcher;
    private final String marker;
    private volatile int pid;
    private volatile long attachedNanos;
    private volatile boolean reaped;

    MarkedTree(ProcessLauncher launcher, String marker) {
        this.launcher = launcher;
        this.marker = marker;
    }

    @Override
    public CgroupSlot cgroup() {
        return null;
    }

    @Override
    public void attach(int pid) {
        this.attachedNanos = System.nanoTime();
        this.pid = pid;
    }

    @Override
    public int pid() {
        return pid;
    }

    /** Processes that left the group but carry the marker. */
    private Iterable<Integer> escaped() {
        boolean shortRun = System.nanoTime() - attachedNanos < SHORT_RUN.toNanos();
        return MarkerScan.carriers(marker, pid, shortRun);
    }

    @Override
    public void reaped() {
        reaped = true;
    }

    @Override
    public boolean terminate() {
        boolean any = pid > 1 && launcher.signalGroup(pid, ProcessLauncher.SIGTERM);
        if (!any && !reaped && pid > 1) {
            // the JDK launcher's shell makes its own group a moment after it starts
            any = launcher.signal(pid, ProcessLauncher.SIGTERM);
        }
        for (int p : escaped()) {
            any |= launcher.signal(p, ProcessLauncher.SIGTERM);
        }
        return any;
    }

    @Override
    public boolean alive() {
        // kill(2) also "succeeds" on a group of zombies waiting to be reaped: look at /proc.
        if (pid > 1 && launcher.groupAlive(pid) && !ProcInfo.groupMembers(pid).isEmpty()) {
            return true;
        }
        return escaped().iterator().hasNext();
    }

    @Override
    public void kill() {
        if (pid > 1 && !launcher.signalGroup(pid, ProcessLauncher.SIGKILL) && !reaped) {
            launcher.signal(pid, ProcessLauncher.SIGKILL);
        }
        for (int p : escaped()) {
            launcher.signal(p, ProcessLauncher.SIGKILL);
        }
    }

    @Override
    public void release() {
        // nothing to give back
    }
}
