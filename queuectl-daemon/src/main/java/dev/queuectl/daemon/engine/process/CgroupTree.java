package dev.queuectl.daemon.engine.process;

/** A run held by a cgroup of its own: the kernel knows every one of its processes. Thread-safe. */
final class CgroupTree implements RunTree {
    private final CgroupContainment pool;
    private final CgroupSlot slot;
    private final ProcessLauncher launcher;
    private volatile int pid;
    private volatile boolean reaped;
    /** Set when the run's shell had been reaped and the cgroup was found empty: nothing can come back. */
    private volatile boolean emptyAfterEnd;

    CgroupTree(CgroupContainment pool, CgroupSlot slot, ProcessLauncher launcher) {
        this.pool = pool;
        this.slot = slot;
        this.launcher = launcher;
    }

    @Override
    public CgroupSlot cgroup() {
        return slot;
    }

    @Override
    public void attach(int pid) {
        this.pid = pid;
    }

    @Override
    public int pid() {
        return pid;
    }

    @Override
    public void reaped() {
        reaped = true;
    }

    @Override
    public boolean terminate() {
        boolean any = false;
        for (int p : slot.pids()) {
            any |= p > 1 && launcher.signal(p, ProcessLauncher.SIGTERM);
        }
        // The JDK launcher's shell joins the cgroup a moment after it starts: until it is
        // reaped, the shell is signalled by its pid as well.
        if (!reaped && pid > 1) {
            any |= launcher.signal(pid, ProcessLauncher.SIGTERM);
        }
        return any;
    }

    @Override
    public boolean alive() {
        return slot.populated();
    }

    @Override
    public boolean leftAfterEnd() {
        boolean alive = slot.populated();
        emptyAfterEnd = !alive;
        return alive;
    }

    @Override
    public void kill() {
        slot.kill();
        if (!reaped && pid > 1) {
            launcher.signal(pid, ProcessLauncher.SIGKILL);
        }
    }

    @Override
    public void release() {
        pool.release(slot, emptyAfterEnd);
    }
}
