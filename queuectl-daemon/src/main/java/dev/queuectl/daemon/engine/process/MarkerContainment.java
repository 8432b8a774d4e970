package dev.queuectl.daemon.engine.process;

import java.nio.file.Path;
import java.util.List;

/** Runs contained by their process group and their {@code QUEUECTL_RUN} marker only. Thread-safe. */
final class MarkerContainment implements Containment {
    private final ProcessLauncher launcher;
    private final ContainmentInfo info;

    MarkerContainment(ProcessLauncher launcher, String reason) {
        this.launcher = launcher;
        this.info = new ContainmentInfo(ContainmentInfo.MARKER, null, reason);
    }

    @Override
    public RunTree newRun(String marker) {
        return new MarkedTree(launcher, marker);
    }

    @Override
    public ContainmentInfo info() {
        return info;
    }

    @Override
    public List<Path> leftovers() {
        return List.of();
    }

    @Override
    public void close() {
        // nothing was created
    }
}
