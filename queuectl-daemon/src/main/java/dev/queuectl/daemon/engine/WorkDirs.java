package dev.queuectl.daemon.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a run's working directory before its process starts, so that a directory that went
 * away since the job was enqueued is a clear, counted failure rather than a spawn error.
 */
final class WorkDirs {
    private WorkDirs() {
    }

    /** What is wrong with {@code dir} as a working directory, or null if a process can start in it. */
    static String problem(Path dir) {
        if (Files.isDirectory(dir)) {
            return Files.isExecutable(dir) ? null
                    : "working directory " + dir + " cannot be entered (permission denied)";
        }
        if (Files.exists(dir)) {
            return "working directory " + dir + " is not a directory";
        }
        return "working directory " + dir + " does not exist";
    }
}
