package dev.queuectl.daemon.engine.process;

/** A run's leader process: the shell, leader of its own session and process group. */
public interface StartedProcess {
    int pid();

    /**
     * The process's start time in clock ticks after boot (field 22 of /proc/PID/stat), which
     * with the boot id identifies it after a daemon restart; 0 when it cannot be read.
     */
    long startTime();

    /**
     * Blocks until the shell exits and reaps it. Returns its exit code (0-255) or
     * {@code 256 + signal} when a signal killed it.
     */
    int waitFor() throws InterruptedException;
}
