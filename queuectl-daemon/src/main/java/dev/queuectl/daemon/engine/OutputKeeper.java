package dev.queuectl.daemon.engine;

/**
 * The engine's side of keeping run output: what happens to a run's output file while it runs,
 * when it ends and after. Each run writes to a local file (its processes' stdout and stderr); a
 * keeper may move that output elsewhere. Called on worker threads and the engine's timer.
 */
interface OutputKeeper extends RunLogs {
    /** Periodically, for each run in progress: bound its file, move its output on. */
    void tick(ActiveRun run);

    /** How often {@link #tick} should run, in milliseconds. */
    long tickMillis();

    /** The run's processes have ended: make its output final; returns the bytes cut from its start. */
    long finish(ActiveRun run);

    /** After the run's end was computed (its output's tail read): let go of its file. */
    void close(ActiveRun run);
}
