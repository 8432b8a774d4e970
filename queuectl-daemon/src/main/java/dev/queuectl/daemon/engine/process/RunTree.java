package dev.queuectl.daemon.engine.process;

import java.nio.file.Path;

/**
 * Every process of one run, wherever it went: the shell's process group, and what left it
 * ({@code setsid}, a double fork, {@code nohup … &}) — held by the run's cgroup where the daemon
 * has one, else found by the run's {@code QUEUECTL_RUN} marker. Created before the run starts
 * ({@link Containment#newRun}); {@link #attach} names its shell once it exists. Thread-safe.
 */
public interface RunTree {
    /** The cgroup the run's shell must join before it starts, or null. */
    CgroupSlot cgroup();

    /** The run's shell exists: its pid, which is also its process group. */
    void attach(int pid);

    /** The shell's pid (its process group), or 0 before {@link #attach}. */
    int pid();

    /** The shell has exited and been reaped: its pid may belong to another process from now on. */
    void reaped();

    /** SIGTERM to every process of the run; false when there is none. */
    boolean terminate();

    /** Whether any process of the run is alive (zombies aside). */
    boolean alive();

    /**
     * Whether anything of the run is left once its shell has exited and been reaped (so that
     * a tree found empty here stays empty).
     */
    default boolean leftAfterEnd() {
        return alive();
    }

    /** SIGKILL to every process of the run. */
    void kill();

    /** The run is over: its cgroup goes back to be reused once it is empty. */
    void release();

    /** The run's cgroup directory as recorded with its pid, or null. */
    default Path cgroupPath() {
        return cgroup() == null ? null : cgroup().dir();
    }
}
