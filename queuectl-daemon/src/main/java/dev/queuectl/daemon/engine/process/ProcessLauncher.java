package dev.queuectl.daemon.engine.process;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Starts runs as {@code /bin/sh -c COMMAND} in a new session (so the run's process tree shares
 * one process group unless it leaves it) and, when the spec names one, in the run's cgroup
 * before the shell runs; signals groups and processes. Thread-safe.
 */
public interface ProcessLauncher {
    int SIGKILL = 9;
    int SIGTERM = 15;

    /** Starts the run; an IOException says why it could not be started. */
    StartedProcess start(LaunchSpec spec) throws IOException;

    /** Sends {@code signal} to every process of group {@code pgid}; false if the group is empty. */
    boolean signalGroup(int pgid, int signal);

    /** Sends {@code signal} to one process; false if it does not exist. */
    boolean signal(int pid, int signal);

    /** True while any process of the group exists. */
    default boolean groupAlive(int pgid) {
        return signalGroup(pgid, 0);
    }

    /** Frees the storage of a file's first {@code length} bytes, keeping its size; false if unsupported. */
    boolean punchHole(Path file, long length);

    /** A short description for the start-up log. */
    String describe();

    /** The native launcher when its library loads from {@code libDir}, else the JDK one. */
    static ProcessLauncher forHost(Path libDir) {
        return NativeLauncher.load(libDir).orElseGet(JdkLauncher::new);
    }
}
