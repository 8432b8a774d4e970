package dev.queuectl.daemon;

import dev.queuectl.daemon.config.DaemonSettings;
import dev.queuectl.daemon.config.RuntimeSettings;
import dev.queuectl.daemon.engine.Engine;
import dev.queuectl.daemon.engine.EngineSettings;
import dev.queuectl.daemon.engine.NativeLibrary;
import dev.queuectl.daemon.engine.RunListener;
import dev.queuectl.daemon.metrics.MetricsEndpoint;
import dev.queuectl.daemon.metrics.QueueMetrics;
import dev.queuectl.daemon.metrics.RunStats;
import dev.queuectl.daemon.server.SocketServer;
import dev.queuectl.daemon.service.DaemonIdentity;
import dev.queuectl.daemon.service.QueueService;
import dev.queuectl.daemon.store.JobStore;
import dev.queuectl.daemon.store.StoreOpenException;
import dev.queuectl.protocol.BuildInfo;
import dev.queuectl.protocol.result.DrainResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running queuectld: store, runtime settings, engine (recovery, then dispatch) and socket
 * server, started in that order. Stopping drains the engine first (while the socket still
 * answers), then closes the server and the store. Embeddable: {@code main} and the tests start
 * it the same way.
 *
 * <p>{@link #close()} and {@link #shutdown(Duration)} may be called from any thread, more than
 * once; the first call decides the drain timeout.
 */
public final class QueueDaemon implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QueueDaemon.class);

    private final DaemonSettings settings;
    private final ExclusiveLock dataLock;
    private final ExclusiveLock socketLock;
    private final JobStore store;
    private final Engine engine;
    private SocketServer server;
    private MetricsEndpoint metricsEndpoint;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final SystemdNotify systemd = new SystemdNotify(System.getenv());
    private CompletableFuture<DrainResult> shutdown;

    private QueueDaemon(DaemonSettings settings, ExclusiveLock dataLock, ExclusiveLock socketLock, JobStore store,
                        Engine engine) {
        this.settings = settings;
        this.dataLock = dataLock;
        this.socketLock = socketLock;
        this.store = store;
        this.engine = engine;
    }

    public static QueueDaemon start(DaemonSettings settings) {
        return start(settings, Clock.systemUTC(), RunListener.NONE);
    }

    public static QueueDaemon start(DaemonSettings settings, Clock clock) {
        return start(settings, clock, RunListener.NONE);
    }

    /** Starts a daemon; throws {@link DaemonStartException} with a one-line reason if it cannot. */
    public static QueueDaemon start(DaemonSettings settings, Clock clock, RunListener listener) {
        ExclusiveLock dataLock = null;
        ExclusiveLock socketLock = null;
        JobStore store = null;
        Engine engine = null;
        QueueDaemon daemon = null;
        try {
            SocketPaths.checkLength(settings.socket());
            createDataDir(settings.dataDir());
            dataLock = ExclusiveLock.acquire(settings.lockFile(), "the data dir " + settings.dataDir());
            SocketPaths.createDirectory(settings.socket().getParent(), settings.socketGroup());
            socketLock = ExclusiveLock.acquire(settings.socket().resolveSibling(settings.socket().getFileName() + ".lock"),
                    "the socket " + settings.socket());
            SocketPaths.clearStale(settings.socket());
            NativeLibrary.prepare(settings.dataDir().resolve("lib"));

            store = JobStore.open(settings.databaseFile(), clock);
            RuntimeSettings runtime = RuntimeSettings.load(store, Runtime.getRuntime().availableProcessors());
            QueueMetrics metrics = QueueMetrics.create();
            RunStats stats = new RunStats(clock);
            engine = new Engine(store, runtime, clock, new EngineSettings(settings.dataDir(), settings.outputDir(),
                    settings.outputLimitBytes(), settings.drainTimeout(), settings.killGrace(), settings.socket(),
                    EngineSettings.defaultWorkDir(settings.dataDir())), RunListener.all(metrics, stats, listener));
            engine.start();

            DaemonIdentity identity = new DaemonIdentity(BuildInfo.version(), ProcessHandle.current().pid(),
                    clock.instant(), settings.socket(), settings.dataDir());
            daemon = new QueueDaemon(settings, dataLock, socketLock, store, engine);
            QueueService service = new QueueService(store, runtime, clock, identity, engine, daemon::shutdown,
                    metrics, stats);
            if (settings.metricsListen() != null) {
                daemon.metricsEndpoint = MetricsEndpoint.start(settings.metricsListen(), metrics.contentType(),
                        service::scrape);
            }
            daemon.server = SocketServer.start(settings.socket(), settings.socketGroup(), settings.maxRequestBytes(),
                    settings.maxConnections(), service);
            log.info("queuectld {} started: pid {}, socket {}, data dir {}", identity.version(), identity.pid(),
                    settings.socket(), settings.dataDir());
            daemon.systemd.ready("serving on " + settings.socket());
            return daemon;
        } catch (RuntimeException | IOException e) {
            if (daemon != null && daemon.metricsEndpoint != null) {
                daemon.metricsEndpoint.close();
            }
            if (engine != null) {
                engine.close();
            }
            closeQuietly(store);
            closeQuietly(socketLock);
            closeQuietly(dataLock);
            throw startFailure(e);
        }
    }

    private static DaemonStartException startFailure(Exception e) {
        if (e instanceof DaemonStartException) {
            return (DaemonStartException) e;
        }
        if (e instanceof CompletionException && e.getCause() != null) {
            return new DaemonStartException("cannot load the store: " + e.getCause().getMessage(), e.getCause());
        }
        if (e instanceof StoreOpenException || e instanceof IOException) {
            return new DaemonStartException(e.getMessage(), e);
        }
        return new DaemonStartException("cannot start: " + e, e);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            log.warn("error while closing {}: {}", c.getClass().getSimpleName(), e.toString());
        }
    }

    private static void createDataDir(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new DaemonStartException("cannot create the data dir " + dir + ": " + e, e);
        }
        if (!Files.isWritable(dir)) {
            throw new DaemonStartException("the data dir " + dir + " is not writable by this user");
        }
    }

    public DaemonSettings settings() {
        return settings;
    }

    public Path socket() {
        return settings.socket();
    }

    /** The port of the HTTP metrics endpoint, or -1 when it is off. */
    public int metricsPort() {
        return metricsEndpoint == null ? -1 : metricsEndpoint.port();
    }

    /**
     * Begins a graceful stop: the engine drains (jobs get up to {@code drainTimeout}), then the
     * server and the store close. The future completes when the jobs are done, before the socket
     * closes, so a {@code drain} request can still be answered.
     */
    public synchronized CompletableFuture<DrainResult> shutdown(Duration drainTimeout) {
        if (shutdown != null) {
            return shutdown;
        }
        if (drainTimeout == null) {
            drainTimeout = settings.drainTimeout();
        }
        log.info("queuectld stopping (drain timeout {})", dev.queuectl.protocol.Durations.format(drainTimeout));
        systemd.stopping("draining: running jobs have " + dev.queuectl.protocol.Durations.format(drainTimeout));
        shutdown = engine.drain(drainTimeout);
        Thread closer = new Thread(() -> {
            try {
                DrainResult r = shutdown.exceptionally(e -> new DrainResult(0, 0)).join();
                log.info("drained: {} job(s) finished, {} interrupted", r.finished(), r.interrupted());
                engine.close();
                if (metricsEndpoint != null) {
                    metricsEndpoint.close();
                }
                if (server != null) {
                    server.close();
                }
                store.close();
                socketLock.close();
                dataLock.close();
                log.info("queuectld stopped");
            } finally {
                stopped.countDown();
            }
        }, "queuectl-stop");
        closer.start();
        return shutdown;
    }

    /** Blocks until the daemon has stopped. */
    public void awaitTermination() throws InterruptedException {
        stopped.await();
    }

    /** Stops with the configured drain timeout and waits until stopped. */
    @Override
    public void close() {
        shutdown(settings.drainTimeout());
        try {
            awaitTermination();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
