package dev.queuectl.daemon.engine.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Keeps track of every process of every run, those that leave the run's process group
 * included: with a cgroup (v2) per run where the daemon may create cgroups, else by the run's
 * marker in the environment. Thread-safe.
 */
public interface Containment extends AutoCloseable {
    /** Where a new run's processes will be; {@code marker} is the run's {@code QUEUECTL_RUN} value. */
    RunTree newRun(String marker);

    /** The mechanism, for the start-up log and {@code status}. */
    ContainmentInfo info();

    /** Cgroups an earlier daemon of this data dir left behind, for recovery to empty and remove. */
    List<Path> leftovers();

    /** Empties and removes the daemon's cgroups (after the last run has ended). */
    @Override
    void close();

    /**
     * The containment {@code setting} asks for: {@code off}, {@code auto} (a cgroup under the
     * daemon's own, if it may create one there; else the marker, saying why) or a cgroup v2
     * directory to create the daemon's cgroup in. An {@link IOException} says why a directory
     * named explicitly cannot be used.
     */
    static Containment choose(String setting, Path dataDir, ProcessLauncher launcher) throws IOException {
        if ("off".equals(setting)) {
            return new MarkerContainment(launcher, "cgroup-root is off");
        }
        if ("auto".equals(setting)) {
            Path parent;
            try {
                parent = CgroupSetup.ownCgroup();
            } catch (IOException e) {
                return new MarkerContainment(launcher, e.getMessage());
            }
            try {
                return CgroupContainment.open(CgroupSetup.daemonCgroup(parent, dataDir), launcher);
            } catch (IOException e) {
                return new MarkerContainment(launcher, e.getMessage());
            }
        }
        Path parent = Path.of(setting);
        CgroupSetup.checkCgroup2(parent);
        return CgroupContainment.open(CgroupSetup.daemonCgroup(parent, dataDir), launcher);
    }
}
