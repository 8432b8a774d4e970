package dev.queuectl.daemon;

import dev.queuectl.daemon.config.DaemonSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A real queuectld for a test: its own short temporary directory (Unix socket paths are limited
 * to about 108 bytes) holding the data dir and the socket, started in-process exactly as
 * {@code main} starts it. Closing stops the daemon and deletes the directory.
 */
final class TestDaemon implements AutoCloseable {
    final Path root;
    final DaemonSettings settings;
    private QueueDaemon daemon;

    private TestDaemon(Path root, DaemonSettings settings) {
        this.root = root;
        this.settings = settings;
    }

    static TestDaemon start() {
        return start(s -> s);
    }

    static TestDaemon start(UnaryOperator<DaemonSettings> tweak) {
        Path root = newRoot();
        DaemonSettings settings = tweak.apply(DaemonSettings.of(root.resolve("data"), root.resolve("run/d.sock")));
        TestDaemon t = new TestDaemon(root, settings);
        t.daemon = QueueDaemon.start(settings, Clock.systemUTC());
        return t;
    }

    static Path newRoot() {
        try {
            return Files.createTempDirectory(Path.of("/tmp"), "qc");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path socket() {
        return settings.socket();
    }

    QueueDaemon daemon() {
        return daemon;
    }

    RawClient connect() {
        return new RawClient(socket());
    }

    void stop() {
        if (daemon != null) {
            daemon.close();
            daemon = null;
        }
    }

    void restart() {
        stop();
        daemon = QueueDaemon.start(settings, Clock.systemUTC());
    }

    @Override
    public void close() {
        stop();
        deleteTree(root);
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort for a temporary directory
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
