package dev.queuectl.daemon;

import dev.queuectl.daemon.config.DaemonSettings;
import dev.queuectl.daemon.config.RuntimeSettings;
import dev.queuectl.daemon.server.SocketServer;
import dev.queuectl.daemon.service.DaemonIdentity;
import dev.queuectl.daemon.service.QueueService;
import dev.queuectl.daemon.store.JobStore;
import dev.queuectl.daemon.store.StoreOpenException;
import dev.queuectl.protocol.BuildInfo;
import dev.queuectl.protocol.result.WorkersView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running queuectld: store, runtime settings, engine and socket server, started in that order
 * and closed in reverse. Embeddable: {@code main} and the tests start it the same way.
 *
 * <p>{@link #close()} may be called from any thread, more than once; it returns when the daemon
 * has stopped.
 */
public final class QueueDaemon implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QueueDaemon.class);

    private final DaemonSettings settings;
    private final Deque<AutoCloseable> resources;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Object closeLock = new Object();
    private boolean closed;

    private QueueDaemon(DaemonSettings settings, Deque<AutoCloseable> resources) {
        this.settings = settings;
        this.resources = resources;
    }

    public static QueueDaemon start(DaemonSettings settings) {
        return start(settings, Clock.systemUTC());
    }

    /** Starts a daemon; throws {@link DaemonStartException} with a one-line reason if it cannot. */
    public static QueueDaemon start(DaemonSettings settings, Clock clock) {
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        try {
            SocketPaths.checkLength(settings.socket());
            createDataDir(settings.dataDir());
            opened.push(ExclusiveLock.acquire(settings.lockFile(), "the data dir " + settings.dataDir()));
            SocketPaths.createDirectory(settings.socket().getParent(), settings.socketGroup());
            opened.push(ExclusiveLock.acquire(settings.socket().resolveSibling(settings.socket().getFileName() + ".lock"),
                    "the socket " + settings.socket()));
            SocketPaths.clearStale(settings.socket());

            JobStore store = JobStore.open(settings.databaseFile(), clock);
            opened.push(store);
            RuntimeSettings runtime = RuntimeSettings.load(store, Runtime.getRuntime().availableProcessors());

            DaemonIdentity identity = new DaemonIdentity(BuildInfo.version(), ProcessHandle.current().pid(),
                    clock.instant(), settings.socket(), settings.dataDir());
            QueueService service = new QueueService(store, runtime, clock, identity,
                    () -> new WorkersView(runtime.current().workers(), runtime.current().workersStopped(), List.of()),
                    () -> { });
            SocketServer server = SocketServer.start(settings.socket(), settings.socketGroup(),
                    settings.maxRequestBytes(), settings.maxConnections(), service);
            opened.push(server);
            log.info("queuectld {} started: pid {}, socket {}, data dir {}", identity.version(), identity.pid(),
                    settings.socket(), settings.dataDir());
            return new QueueDaemon(settings, opened);
        } catch (java.util.concurrent.CompletionException e) {
            closeAll(opened);
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new DaemonStartException("cannot load the runtime settings: " + cause.getMessage(), cause);
        } catch (StoreOpenException e) {
            closeAll(opened);
            throw new DaemonStartException(e.getMessage(), e);
        } catch (IOException e) {
            closeAll(opened);
            throw new DaemonStartException(e.getMessage(), e);
        } catch (RuntimeException e) {
            closeAll(opened);
            throw e;
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

    /** Blocks until the daemon has stopped. */
    public void awaitTermination() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        log.info("queuectld stopping");
        closeAll(resources);
        log.info("queuectld stopped");
        stopped.countDown();
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            AutoCloseable r = resources.pop();
            try {
                r.close();
            } catch (Exception e) {
                log.warn("error while closing {}: {}", r.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
