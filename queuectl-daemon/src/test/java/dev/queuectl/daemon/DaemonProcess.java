package dev.queuectl.daemon;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * queuectld as a separate process, started from the packaged jar exactly as the launcher does,
 * so that tests can kill it with signals (SIGKILL included).
 */
final class DaemonProcess implements AutoCloseable {
    private final Process process;
    final Path socket;
    /** The daemon's own cgroup (v2), when it gives runs cgroups: removed once it is dead, if empty. */
    private Path cgroup;

    private DaemonProcess(Process process, Path socket) {
        this.process = process;
        this.socket = socket;
    }

    static DaemonProcess start(Path dataDir, Path socket, String... flags) {
        return start(java.util.Map.of(), dataDir, socket, flags);
    }

    /** Starts with extra environment variables (NOTIFY_SOCKET, JOURNAL_STREAM, ...). */
    static DaemonProcess start(java.util.Map<String, String> env, Path dataDir, Path socket, String... flags) {
        Path jar = Path.of("target/queuectl-daemon.jar").toAbsolutePath();
        String classpath;
        try (Stream<Path> libs = Files.list(Path.of("target/lib"))) {
            classpath = jar + File.pathSeparator + libs.map(p -> p.toAbsolutePath().toString()).sorted()
                    .collect(Collectors.joining(File.pathSeparator));
        } catch (IOException e) {
            throw new UncheckedIOException("the daemon jar must be packaged first (run through ./mvnw verify)", e);
        }
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC",
                "-cp", classpath, "dev.queuectl.daemon.Main",
                "--data-dir", dataDir.toString(), "--socket", socket.toString()));
        cmd.addAll(List.of(flags));
        try {
            Files.createDirectories(dataDir);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling("daemon.out").toFile()));
            pb.environment().remove("JOURNAL_STREAM");
            pb.environment().remove("NOTIFY_SOCKET");
            pb.environment().putAll(env);
            Process p = pb.start();
            DaemonProcess d = new DaemonProcess(p, socket);
            await().atMost(Duration.ofSeconds(30)).until(() -> !p.isAlive() || SocketPaths.accepts(socket));
            if (!p.isAlive()) {
                throw new IllegalStateException("queuectld exited at start-up: "
                        + Files.readString(dataDir.resolveSibling("daemon.out")));
            }
            try (RawClient c = new RawClient(socket)) {
                Object where = ((java.util.Map<?, ?>) c.ok("{\"op\":\"status\"}").get("containment")).get("cgroup");
                d.cgroup = where == null ? null : Path.of((String) where);
            }
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: the daemon gets no chance to clean up. */
    void kill9() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM; returns the exit status. */
    int terminate() {
        process.destroy();
        return waitForExit();
    }

    int waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("queuectld did not exit within 60s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            waitForExit();
        }
        removeEmptyCgroups();
    }

    /**
     * A daemon killed with SIGKILL cannot remove its cgroup; one started again on the same data
     * dir takes it over, but a test that ends here would leave it behind. Only empty cgroups go
     * (the kernel refuses anything else), so what recovery has yet to find stays for it.
     */
    private void removeEmptyCgroups() {
        if (cgroup == null || !Files.isDirectory(cgroup)) {
            return;
        }
        try (Stream<Path> slots = Files.list(cgroup)) {
            slots.filter(Files::isDirectory).forEach(slot -> slot.toFile().delete());
        } catch (IOException e) {
            return;
        }
        cgroup.toFile().delete();
    }
}
