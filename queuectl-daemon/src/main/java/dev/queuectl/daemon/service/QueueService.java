package dev.queuectl.daemon.service;

import dev.queuectl.daemon.config.RuntimeConfig;
import dev.queuectl.daemon.config.RuntimeSettings;
import dev.queuectl.daemon.engine.Engine;
import dev.queuectl.daemon.metrics.QueueMetrics;
import dev.queuectl.daemon.metrics.RunStats;
import dev.queuectl.daemon.server.RequestHandler;
import dev.queuectl.daemon.store.JobStore;
import dev.queuectl.daemon.store.NewJob;
import dev.queuectl.protocol.JobSpec;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.ProtocolVersion;
import dev.queuectl.protocol.request.CancelRequest;
import dev.queuectl.protocol.request.ConfigGetRequest;
import dev.queuectl.protocol.request.ConfigSetRequest;
import dev.queuectl.protocol.request.DlqPurgeRequest;
import dev.queuectl.protocol.request.DlqRetryRequest;
import dev.queuectl.protocol.request.DrainRequest;
import dev.queuectl.protocol.request.EnqueueBatchRequest;
import dev.queuectl.protocol.request.EnqueueRequest;
import dev.queuectl.protocol.request.ListRequest;
import dev.queuectl.protocol.request.LogsRequest;
import dev.queuectl.protocol.request.MetricsRequest;
import dev.queuectl.protocol.request.PruneRequest;
import dev.queuectl.protocol.request.Request;
import dev.queuectl.protocol.request.ShowRequest;
import dev.queuectl.protocol.request.StatusRequest;
import dev.queuectl.protocol.request.WaitRequest;
import dev.queuectl.protocol.request.WorkerStartRequest;
import dev.queuectl.protocol.request.WorkerStopRequest;
import dev.queuectl.protocol.result.BatchResult;
import dev.queuectl.protocol.result.DrainResult;
import dev.queuectl.protocol.result.MetricsResult;
import dev.queuectl.protocol.result.WorkersView;
import dev.queuectl.protocol.result.StatusView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Carries out each protocol operation against the store, the runtime settings and the engine.
 * Never blocks: every method returns a future completed by a store or engine thread.
 */
public final class QueueService implements RequestHandler {
    private final JobStore store;
    private final RuntimeSettings settings;
    private final Clock clock;
    private final DaemonIdentity identity;
    private final Engine engine;
    private final Function<Duration, CompletableFuture<DrainResult>> shutdown;
    private final QueueMetrics metrics;
    private final RunStats stats;

    /** @param shutdown begins the daemon's graceful stop with the given drain timeout (null: the configured one) */
    public QueueService(JobStore store, RuntimeSettings settings, Clock clock, DaemonIdentity identity, Engine engine,
                        Function<Duration, CompletableFuture<DrainResult>> shutdown, QueueMetrics metrics,
                        RunStats stats) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.identity = identity;
        this.engine = engine;
        this.shutdown = shutdown;
        this.metrics = metrics;
        this.stats = stats;
    }

    @Override
    public CompletableFuture<?> handle(Request request) {
        try {
            return dispatch(request);
        } catch (ProtocolException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<?> dispatch(Request request) {
        if (request instanceof EnqueueRequest) {
            NewJob job = resolve(((EnqueueRequest) request).job(), settings.current());
            return store.enqueue(job).whenComplete((v, e) -> afterEnqueue(e, 1));
        }
        if (request instanceof EnqueueBatchRequest) {
            RuntimeConfig config = settings.current();
            List<NewJob> jobs = new ArrayList<>();
            for (JobSpec spec : ((EnqueueBatchRequest) request).jobs()) {
                jobs.add(resolve(spec, config));
            }
            return store.enqueueAll(jobs).whenComplete((v, e) -> afterEnqueue(e, jobs.size())).thenApply(BatchResult::new);
        }
        if (request instanceof ShowRequest) {
            String id = ((ShowRequest) request).id();
            return store.find(id).thenApply(found -> found.orElseThrow(() -> ProtocolException.notFound(id)));
        }
        if (request instanceof ListRequest) {
            ListRequest list = (ListRequest) request;
            return store.list(list.state(), list.limit(), list.newestFirst());
        }
        if (request instanceof StatusRequest) {
            return store.counts().thenApply(counts -> {
                Instant now = clock.instant();
                double uptime = Duration.between(identity.startedAt(), now).toMillis() / 1000.0;
                return new StatusView(identity.version(), ProtocolVersion.CURRENT, identity.pid(),
                        identity.startedAt(), uptime, identity.socket().toString(), identity.dataDir().toString(),
                        counts, engine.workers(), stats.view());
            });
        }
        if (request instanceof ConfigGetRequest) {
            return CompletableFuture.completedFuture(settings.view(((ConfigGetRequest) request).key()));
        }
        if (request instanceof ConfigSetRequest) {
            ConfigSetRequest set = (ConfigSetRequest) request;
            return settings.set(set.key(), set.value());
        }
        if (request instanceof WorkerStartRequest) {
            return engine.startWorkers(((WorkerStartRequest) request).count());
        }
        if (request instanceof WorkerStopRequest) {
            return engine.stopWorkers(((WorkerStopRequest) request).waitForIdle());
        }
        if (request instanceof CancelRequest) {
            return engine.cancel(((CancelRequest) request).id());
        }
        if (request instanceof WaitRequest) {
            WaitRequest wait = (WaitRequest) request;
            return engine.await(wait.id(), wait.timeout());
        }
        if (request instanceof LogsRequest) {
            return engine.logs((LogsRequest) request);
        }
        if (request instanceof DlqRetryRequest) {
            DlqRetryRequest retry = (DlqRetryRequest) request;
            return retry.all() ? engine.retryAllDead() : engine.retryDead(retry.id());
        }
        if (request instanceof DlqPurgeRequest) {
            DlqPurgeRequest purge = (DlqPurgeRequest) request;
            return purge.all() ? engine.purgeAllDead() : engine.purgeDead(purge.id());
        }
        if (request instanceof DrainRequest) {
            return shutdown.apply(((DrainRequest) request).timeout());
        }
        if (request instanceof PruneRequest) {
            PruneRequest prune = (PruneRequest) request;
            return engine.prune(prune.completed(), prune.dead(), prune.olderThan());
        }
        if (request instanceof MetricsRequest) {
            return scrape().thenApply(text -> new MetricsResult(metrics.contentType(), text));
        }
        throw new IllegalStateException("no handler for " + request.op());
    }

    private void afterEnqueue(Throwable error, int count) {
        if (error == null) {
            metrics.jobsEnqueued(count);
            engine.wake();
        }
    }

    /** Refreshes the state gauges from the store and the engine, then renders every metric. */
    public CompletableFuture<String> scrape() {
        return store.counts().thenCombine(store.oldestDue(), (counts, oldest) -> {
            WorkersView w = engine.workers();
            Duration age = oldest.map(t -> Duration.between(t, clock.instant())).orElse(Duration.ZERO);
            metrics.update(new QueueMetrics.Gauges(counts, w.busy().size(), w.configured(),
                    age.isNegative() ? Duration.ZERO : age));
            return metrics.scrape();
        });
    }

    private NewJob resolve(JobSpec spec, RuntimeConfig config) {
        Instant runAt = spec.runAt();
        if (spec.delay() != null) {
            runAt = clock.instant().plus(spec.delay());
        }
        return new NewJob(spec.id(), spec.command(),
                spec.maxRetries() != null ? spec.maxRetries() : config.maxRetries(),
                spec.priority() != null ? spec.priority() : 0,
                runAt,
                spec.timeout() != null ? spec.timeout().toMillis() : null);
    }
}
