package dev.queuectl.daemon.engine.process;

/** A run held by a cgroup of its own: the kernel knows every one of its processes. Thread-safe. */
final class CgroupTree implements RunTree {
    private final CgroupContainment pool;
    private final CgroupSlot slot;
    private final ProcessLauncher launcher;
    private volatile int pid;

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
    public boolean terminate() {
        boolean any = false;
        for (int p : slot.pids()) {
            any |= p > 1 && launcher.signal(p, ProcessLauncher.SIGTERM);
        }
        return any;
    }

    @Override
    public boolean alive() {
        return slot.populated();
    }

    @Override
    public void kill() {
        slot.kill();
    }

    @Override
    public void release() {
        pool.release(slot);
    }
}
