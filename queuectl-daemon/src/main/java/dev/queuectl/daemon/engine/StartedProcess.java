package dev.queuectl.daemon.engine;

/** A run's leader process: the shell, leader of its own session and process group. */
interface StartedProcess {
    int pid();

    /**
     * Blocks until the shell exits and reaps it. Returns its exit code (0-255) or
     * {@code 256 + signal} when a signal killed it.
     */
    int waitFor() throws InterruptedException;
}
