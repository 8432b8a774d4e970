package dev.queuectl.daemon;

import dev.queuectl.daemon.config.DaemonSettings;
import dev.queuectl.daemon.health.TurnObserver;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.UnaryOperator;

/**
 * A real queuectld for a test: its own short temporary directory (Unix socket paths are limited
 * to about 108 bytes) holding the data dir and the socket, started in-process exactly as
 * {@code main} starts it. Closing stops the daemon and deletes the directory.
 */
final class TestDaemon implements AutoCloseable {
    final Path root;
    final DaemonSettings settings;
    private final Clock clock;
    private final TurnObserver observer;
    private QueueDaemon daemon;

    private TestDaemon(Path root, DaemonSettings settings, Clock clock, TurnObserver observer) {
        this.root = root;
        this.settings = settings;
        this.clock = clock;
        this.observer = observer;
    }

    static TestDaemon start() {
        return start(s -> s);
    }

    static TestDaemon start(UnaryOperator<DaemonSettings> tweak) {
        return start(Clock.systemUTC(), tweak);
    }

    /** A daemon whose time comes from {@code clock} (a {@link TestClock} moves it without sleeping). */
    static TestDaemon start(Clock clock, UnaryOperator<DaemonSettings> tweak) {
        return start(clock, tweak, TurnObserver.NONE);
    }

    /** A daemon whose loops' turns {@code observer} hears (a {@link FaultInjector} makes them fail). */
    static TestDaemon start(Clock clock, UnaryOperator<DaemonSettings> tweak, TurnObserver observer) {
        Path root = ShortTempDir.create();
        DaemonSettings settings = tweak.apply(DaemonSettings.of(root.resolve("data"), root.resolve("run/d.sock")));
        TestDaemon t = new TestDaemon(root, settings, clock, observer);
        t.daemon = QueueDaemon.start(settings, clock, observer);
        return t;
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
        daemon = QueueDaemon.start(settings, clock, observer);
    }

    @Override
    public void close() {
        stop();
        ShortTempDir.delete(root);
    }
}
