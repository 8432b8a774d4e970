package dev.queuectl.daemon.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

/**
 * How the engine runs jobs.
 *
 * @param workDir   the working directory of runs whose job names none: the daemon user's home, else the data dir
 * @param killGrace how long a process group has between SIGTERM and SIGKILL
 */
public record EngineSettings(Path dataDir, Path outputDir, Duration drainTimeout, Duration killGrace, Path socket,
                             Path workDir) {

    public static Path defaultWorkDir(Path dataDir) {
        String home = System.getenv("HOME");
        if (home != null && !home.isBlank() && Files.isDirectory(Paths.get(home))) {
            return Paths.get(home);
        }
        return dataDir;
    }
}
