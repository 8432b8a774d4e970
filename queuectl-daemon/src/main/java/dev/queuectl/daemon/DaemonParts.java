package dev.queuectl.daemon;

import dev.queuectl.daemon.access.DashboardAccess;
import dev.queuectl.daemon.config.DaemonSettings;
import dev.queuectl.daemon.config.RuntimeSettings;
import dev.queuectl.daemon.engine.DrainSummary;
import dev.queuectl.daemon.engine.Engine;
import dev.queuectl.daemon.engine.EngineParts;
import dev.queuectl.daemon.engine.EngineSettings;
import dev.queuectl.daemon.engine.Retention;
import dev.queuectl.daemon.engine.output.OutputFiles;
import dev.queuectl.daemon.engine.process.Containment;
import dev.queuectl.daemon.engine.process.ProcessLauncher;
import dev.queuectl.daemon.event.EventBus;
import dev.queuectl.daemon.event.JobEvent;
import dev.queuectl.daemon.health.Health;
import dev.queuectl.daemon.health.SupervisedTimer;
import dev.queuectl.daemon.metrics.QueueMetrics;
import dev.queuectl.daemon.metrics.RunHistory;
import dev.queuectl.daemon.metrics.RunStats;
import dev.queuectl.daemon.server.EventLoops;
import dev.queuectl.daemon.service.DaemonIdentity;
import dev.queuectl.daemon.service.QueueService;
import dev.queuectl.daemon.service.RunHistoryKeeper;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.daemon.service.Waiters;
import dev.queuectl.daemon.store.JobStore;
import dev.queuectl.protocol.BuildInfo;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Everything a daemon is made of below its front doors, created and wired in one place: store,
 * runtime settings, event stream, metrics, run containment, engine with its executors, service,
 * event loops.
 * {@link #close()} stops them in the reverse order.
 */
final class DaemonParts implements AutoCloseable {
    private final JobStore store;
    private final RuntimeSettings runtime;
    private final EventBus events;
    private final QueueMetrics metrics;
    private final RunStats stats;
    private final RunHistory history;
    private final RunHistoryKeeper historyKeeper;
    private final DashboardAccess access;
    private final Engine engine;
    private final Retention retention;
    private final OutputFiles outputs;
    private final SupervisedTimer timer;
    private final ExecutorService workers;
    private final EventLoops loops;
    private final DaemonIdentity identity;
    private final Clock clock;
    private final Health health;
    private QueueService service;

    /** What every part hears of: the daemon's clock, its node id, where its loops report. */
    private record Basics(Clock clock, String node, Health health) {
    }

    private DaemonParts(DaemonSettings settings, Basics basics, JobStore store, RuntimeSettings runtime,
                        ProcessLauncher launcher, Containment containment, DashboardAccess access) {
        Clock clock = basics.clock();
        String node = basics.node();
        this.clock = clock;
        this.health = basics.health();
        this.store = store;
        this.runtime = runtime;
        this.access = access;
        this.events = new EventBus();
        this.metrics = QueueMetrics.create();
        this.stats = new RunStats(clock);
        this.history = new RunHistory(clock, node);
        this.historyKeeper = new RunHistoryKeeper(history, store, clock, node);
        events.subscribe(metrics::on);
        events.subscribe(stats::on);
        events.subscribe(history::on);
        runtime.onChange(c -> events.publish(new JobEvent.ConfigChanged()));
        this.timer = new SupervisedTimer(basics.health());
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "queuectl-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.outputs = new OutputFiles(settings.outputDir(), settings.outputLimitBytes(), launcher);
        EngineSettings engineSettings = new EngineSettings(settings.dataDir(), settings.outputDir(),
                settings.drainTimeout(), settings.killGrace(), settings.socket(),
                EngineSettings.defaultWorkDir(settings.dataDir()));
        this.engine = new Engine(new EngineParts(store, clock, engineSettings, runtime::current, launcher, outputs,
                events, node, timer, workers, basics.health(), containment));
        this.retention = new Retention(store, outputs, clock, runtime::current, events, basics.health());
        this.loops = EventLoops.create();
        this.identity = new DaemonIdentity(BuildInfo.version(), node, ProcessHandle.current().pid(), clock.instant(),
                settings.socket(), settings.dataDir(), settings.store().toString());
    }

    /**
     * Opens the store, sets up how runs are contained, and builds the parts; nothing runs yet.
     * Its loops report to {@code health}.
     */
    static DaemonParts create(DaemonSettings settings, Clock clock, String node, Health health) {
        DashboardAccess access = null;
        if (settings.httpListen() != null) {
            try {
                access = DashboardAccess.open(settings.dataDir());
            } catch (IOException e) {
                throw new DaemonStartException("cannot read or create the dashboard tokens in " + settings.dataDir()
                        + ": " + e.getMessage(), e);
            }
        }
        ProcessLauncher launcher = ProcessLauncher.forHost(settings.dataDir().resolve("lib"));
        Containment containment;
        try {
            containment = Containment.choose(settings.cgroupRoot(), settings.dataDir(), launcher);
        } catch (IOException e) {
            throw new DaemonStartException("cgroup-root: " + e.getMessage(), e);
        }
        JobStore store;
        try {
            // Credentials come from the environment only, never from flags (see StoreFactory).
            store = StoreFactory.open(settings, System.getenv(), clock, node, health);
        } catch (RuntimeException e) {
            containment.close();
            throw e;
        }
        try {
            RuntimeSettings runtime = RuntimeSettings.load(store, Runtime.getRuntime().availableProcessors());
            DaemonParts parts = new DaemonParts(settings, new Basics(clock, node, health), store, runtime, launcher,
                    containment, access);
            parts.historyKeeper.restore();
            return parts;
        } catch (RuntimeException e) {
            store.close();
            containment.close();
            throw e;
        }
    }

    /** Builds the service, recovers (blocking) and starts dispatching and retention. */
    void start(Function<Duration, CompletableFuture<DrainSummary>> shutdown) {
        // Join before recovery: with a shared store, registering refuses a node id that a live
        // daemon holds, and recovery of this node's own runs must not race a twin.
        store.cluster().join(identity.node(), NodeIdentity.hostName(), identity.pid(), identity.version(),
                new ClusterEvents(engine, events, runtime));
        Waiters waiters = new Waiters();
        events.subscribe(waiters::on);
        service = new QueueService(new ServiceContext(store, runtime, clock, identity, engine, events, outputs,
                retention, waiters, timer, metrics, stats, health, history, access, shutdown));
        engine.start();
        retention.schedule(timer);
        historyKeeper.schedule(timer);
    }

    QueueService service() {
        return service;
    }

    Engine engine() {
        return engine;
    }

    EventLoops loops() {
        return loops;
    }

    EventBus events() {
        return events;
    }

    QueueMetrics metrics() {
        return metrics;
    }

    DashboardAccess access() {
        return access;
    }

    Clock clock() {
        return clock;
    }

    DaemonIdentity identity() {
        return identity;
    }

    Health health() {
        return health;
    }

    @Override
    public void close() {
        engine.close();
        historyKeeper.close();
        if (service != null) {
            store.cluster().leave();
        }
        workers.shutdown();
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        timer.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loops.close();
        store.close();
    }
}
