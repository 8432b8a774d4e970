package dev.queuectl.daemon;

import dev.queuectl.daemon.config.DaemonSettings;
import dev.queuectl.daemon.engine.DrainSummary;
import dev.queuectl.daemon.engine.process.NativeLibrary;
import dev.queuectl.daemon.health.FatalFailure;
import dev.queuectl.daemon.health.Health;
import dev.queuectl.daemon.health.TurnObserver;
import dev.queuectl.daemon.server.SocketServer;
import dev.queuectl.daemon.server.http.HttpOptions;
import dev.queuectl.daemon.server.http.HttpParts;
import dev.queuectl.daemon.server.http.HttpServer;
import dev.queuectl.daemon.store.StoreOpenException;
import dev.queuectl.protocol.Durations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running queuectld: store, runtime settings, engine (recovery, then dispatch) and its front
 * doors (the socket server, and the HTTP listener when configured), started in that order.
 * Stopping drains the engine first (while the socket still answers), then closes the front doors
 * and the store. Embeddable: {@code main} and the tests start it the same way.
 *
 * <p>When one of its loops meets a failure it cannot carry on from, the daemon stops itself (a
 * drain, as for SIGTERM) and {@link #failure()} says why: {@code main} then exits non-zero so
 * that its supervisor restarts it, and an embedder can do what it sees fit.
 *
 * <p>{@link #close()} and {@link #shutdown(Duration)} may be called from any thread, more than
 * once; the first call decides the drain timeout.
 */
public final class QueueDaemon implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QueueDaemon.class);

    private final DaemonSettings settings;
    private final ExclusiveLock dataLock;
    private final ExclusiveLock socketLock;
    private final DaemonParts parts;
    private SocketServer server;
    private HttpServer http;
    private HttpServer metricsHttp;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final SystemdNotify systemd = new SystemdNotify(System.getenv());
    private CompletableFuture<DrainSummary> shutdown;

    private QueueDaemon(DaemonSettings settings, ExclusiveLock dataLock, ExclusiveLock socketLock, DaemonParts parts) {
        this.settings = settings;
        this.dataLock = dataLock;
        this.socketLock = socketLock;
        this.parts = parts;
    }

    public static QueueDaemon start(DaemonSettings settings) {
        return start(settings, Clock.systemUTC());
    }

    /** Starts a daemon whose time comes from {@code clock}; throws {@link DaemonStartException} with a one-line reason if it cannot. */
    public static QueueDaemon start(DaemonSettings settings, Clock clock) {
        return start(settings, clock, TurnObserver.NONE);
    }

    /**
     * Starts a daemon whose time comes from {@code clock} and whose loops' turns {@code observer}
     * hears as they begin (see {@link TurnObserver}).
     */
    public static QueueDaemon start(DaemonSettings settings, Clock clock, TurnObserver observer) {
        ExclusiveLock dataLock = null;
        ExclusiveLock socketLock = null;
        DaemonParts parts = null;
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
            String node = NodeIdentity.resolve(settings.nodeId(), settings.dataDir());

            parts = DaemonParts.create(settings, clock, node, new Health(clock, observer));
            daemon = new QueueDaemon(settings, dataLock, socketLock, parts);
            parts.start(daemon::shutdown);
            QueueDaemon self = daemon;
            parts.health().fatalFailure().thenAccept(f -> self.shutdown(null));
            HttpParts httpParts = new HttpParts(parts.service(), parts.access(), parts.events(), parts.metrics(),
                    parts.clock());
            if (settings.httpListen() != null) {
                daemon.http = HttpServer.start(parts.loops(), HttpOptions.dashboard(settings), httpParts);
            }
            if (settings.metricsListen() != null) {
                daemon.metricsHttp = HttpServer.start(parts.loops(), HttpOptions.metricsOnly(settings.metricsListen()),
                        httpParts);
            }
            daemon.server = SocketServer.start(parts.loops(), settings.socket(), settings.socketGroup(),
                    settings.maxRequestBytes(), settings.maxConnections(), parts.service());
            log.info("queuectld {} started: node {}, pid {}, socket {}, data dir {}, store {}",
                    parts.identity().version(), node, parts.identity().pid(), settings.socket(), settings.dataDir(),
                    settings.store());
            daemon.systemd.ready("serving on " + settings.socket());
            return daemon;
        } catch (RuntimeException | IOException e) {
            if (daemon != null) {
                closeQuietly(daemon.http);
                closeQuietly(daemon.metricsHttp);
            }
            if (parts != null) {
                parts.close();
            }
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

    /** This daemon's node id. */
    public String node() {
        return parts.identity().node();
    }

    /** The port of the metrics-listen listener, or -1 when it is off. */
    public int metricsPort() {
        return metricsHttp == null ? -1 : metricsHttp.port();
    }

    /** The port of the dashboard and API listener (http-listen), or -1 when it is off. */
    public int httpPort() {
        return http == null ? -1 : http.port();
    }

    /**
     * Begins a graceful stop: the engine drains (jobs get up to {@code drainTimeout}), then the
     * front doors and the store close. The future completes when the jobs are done, before the
     * socket closes, so a {@code drain} request can still be answered.
     */
    public synchronized CompletableFuture<DrainSummary> shutdown(Duration drainTimeout) {
        if (shutdown != null) {
            return shutdown;
        }
        Duration timeout = drainTimeout != null ? drainTimeout : settings.drainTimeout();
        log.info("queuectld stopping (drain timeout {})", Durations.text(timeout));
        systemd.stopping("draining: running jobs have " + Durations.text(timeout));
        shutdown = parts.engine().drain(timeout);
        Thread closer = new Thread(() -> {
            try {
                DrainSummary r = shutdown.exceptionally(e -> new DrainSummary(0, 0)).join();
                log.info("drained: {} job(s) finished, {} interrupted", r.finished(), r.interrupted());
                closeQuietly(http);
                closeQuietly(metricsHttp);
                closeQuietly(server);
                closeQuietly(parts);
                closeQuietly(socketLock);
                closeQuietly(dataLock);
                log.info(failure().isPresent() ? "queuectld stopped after a failure it could not carry on from"
                        : "queuectld stopped");
            } finally {
                terminated.complete(null); // before the latch: whoever awaitTermination released sees it done
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

    /** Completes once the daemon has stopped. */
    public CompletableFuture<Void> termination() {
        return terminated;
    }

    /** Blocks until the daemon has stopped or {@code limit} has passed; true when it stopped. */
    public boolean awaitTermination(Duration limit) throws InterruptedException {
        return stopped.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Completes, with its cause, if the daemon stops itself after a failure it could not carry on from. */
    public CompletableFuture<FatalFailure> fatalFailure() {
        return parts.health().fatalFailure();
    }

    /** The failure the daemon stopped itself for, if it did. */
    public Optional<FatalFailure> failure() {
        return Optional.ofNullable(parts.health().fatalFailure().getNow(null));
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
