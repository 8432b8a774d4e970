package dev.queuectl.daemon;

import dev.queuectl.daemon.config.DaemonSettings;
import dev.queuectl.daemon.config.RuntimeSettings;
import dev.queuectl.daemon.engine.DrainSummary;
import dev.queuectl.daemon.engine.Engine;
import dev.queuectl.daemon.engine.EngineParts;
import dev.queuectl.daemon.engine.EngineSettings;
import dev.queuectl.daemon.engine.Retention;
import dev.queuectl.daemon.engine.output.OutputFiles;
import dev.queuectl.daemon.engine.process.ProcessLauncher;
import dev.queuectl.daemon.event.EventBus;
import dev.queuectl.daemon.event.JobEvent;
import dev.queuectl.daemon.metrics.QueueMetrics;
import dev.queuectl.daemon.metrics.RunStats;
import dev.queuectl.daemon.server.EventLoops;
import dev.queuectl.daemon.service.DaemonIdentity;
import dev.queuectl.daemon.service.QueueService;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.daemon.service.Waiters;
import dev.queuectl.daemon.store.JobStore;
import dev.queuectl.protocol.BuildInfo;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Everything a daemon is made of below its front doors, created and wired in one place: store,
 * runtime settings, event stream, metrics, engine with its executors, service, event loops.
 * {@link #close()} stops them in the reverse order.
 */
final class DaemonParts implements AutoCloseable {
    private final JobStore store;
    private final RuntimeSettings runtime;
    private final EventBus events;
    private final QueueMetrics metrics;
    private final RunStats stats;
    private final Engine engine;
    private final Retention retention;
    private final OutputFiles outputs;
    private final ScheduledThreadPoolExecutor timer;
    private final ExecutorService workers;
    private final EventLoops loops;
    private final DaemonIdentity identity;
    private final Clock clock;
    private QueueService service;

    private DaemonParts(DaemonSettings settings, Clock clock, String node, JobStore store, RuntimeSettings runtime) {
        this.clock = clock;
        this.store = store;
        this.runtime = runtime;
        this.events = new EventBus();
        this.metrics = QueueMetrics.create();
        this.stats = new RunStats(clock);
        events.subscribe(metrics::on);
        events.subscribe(stats::on);
        runtime.onChange(c -> events.publish(new JobEvent.ConfigChanged()));
        this.timer = new ScheduledThreadPoolExecutor(1, named("queuectl-timer"));
        timer.setRemoveOnCancelPolicy(true);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "queuectl-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ProcessLauncher launcher = ProcessLauncher.forHost(settings.dataDir().resolve("lib"));
        this.outputs = new OutputFiles(settings.outputDir(), settings.outputLimitBytes(), launcher);
        EngineSettings engineSettings = new EngineSettings(settings.dataDir(), settings.outputDir(),
                settings.drainTimeout(), settings.killGrace(), settings.socket(),
                EngineSettings.defaultWorkDir(settings.dataDir()));
        this.engine = new Engine(new EngineParts(store, clock, engineSettings, runtime::current, launcher, outputs,
                events, node, timer, workers));
        this.retention = new Retention(store, outputs, clock, runtime::current, events);
        this.loops = EventLoops.create();
        this.identity = new DaemonIdentity(BuildInfo.version(), node, ProcessHandle.current().pid(), clock.instant(),
                settings.socket(), settings.dataDir(), settings.store().toString());
    }

    /** Opens the store and builds the parts; nothing runs yet. */
    static DaemonParts create(DaemonSettings settings, Clock clock, String node) {
        // Credentials come from the environment only, never from flags (see StoreFactory).
        JobStore store = StoreFactory.open(settings, System.getenv(), clock, node);
        try {
            RuntimeSettings runtime = RuntimeSettings.load(store, Runtime.getRuntime().availableProcessors());
            return new DaemonParts(settings, clock, node, store, runtime);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
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
                retention, waiters, timer, metrics, stats, shutdown));
        engine.start();
        retention.schedule(timer);
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

    DaemonIdentity identity() {
        return identity;
    }

    @Override
    public void close() {
        engine.close();
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
