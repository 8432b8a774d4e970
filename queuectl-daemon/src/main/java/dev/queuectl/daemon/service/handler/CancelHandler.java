package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.engine.CancelOutcome;
import dev.queuectl.daemon.engine.RunningRun;
import dev.queuectl.daemon.event.JobEvent;
import dev.queuectl.daemon.job.JobAction;
import dev.queuectl.daemon.job.JobCriteria;
import dev.queuectl.daemon.job.JobSelector;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.service.BulkActions;
import dev.queuectl.daemon.service.Errors;
import dev.queuectl.daemon.service.PoolState;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.daemon.service.Views;
import dev.queuectl.daemon.store.IllegalTransitionException;
import dev.queuectl.protocol.ErrorCode;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.CancelRequest;
import dev.queuectl.protocol.result.BulkResult;
import dev.queuectl.protocol.result.JobView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code cancel}: a running job has its run stopped (its tree TERM, then KILL) and ends dead; a
 * pending or failed job goes straight to dead ("cancelled"). A job claimed a moment ago is
 * still {@code processing} in the store before its run is registered: the handler waits for the
 * event that registers it (or changes the job) and tries again, without polling. Several jobs:
 * the waiting ones in batches in the store, then the running ones of this node one by one.
 */
public final class CancelHandler implements OpHandler<CancelRequest> {
    /** Rounds of "claimed, not yet registered" before giving up; each waits for an event. */
    private static final int ROUNDS = 3;
    private static final long EVENT_WAIT_SECONDS = 5;
    private static final String PROCESSING = JobState.PROCESSING.key();

    private final ServiceContext ctx;
    private final BulkActions bulk;

    public CancelHandler(ServiceContext ctx) {
        this.ctx = ctx;
        this.bulk = new BulkActions(ctx);
    }

    @Override
    public CompletableFuture<?> handle(CancelRequest request) {
        if (request.target().single()) {
            return cancel(request.id(), 1);
        }
        JobSelector selector = BulkActions.selector(request.target(), null);
        if (request.target().dryRun()) {
            // a running job would be stopped: it counts as changed, not skipped
            return bulk.preview(JobAction.CANCEL, selector).thenApply(r -> moveRunning(r, r.skippedStates()
                    .getOrDefault(PROCESSING, 0L), List.of()));
        }
        return bulk.apply(JobAction.CANCEL, selector).thenCompose(r -> runningHere(selector).thenCompose(ids -> {
            List<CompletableFuture<String>> stops = new ArrayList<>();
            for (String id : ids) {
                stops.add(cancel(id, 1).handle((job, error) -> error == null ? id : null));
            }
            return CompletableFuture.allOf(stops.toArray(new CompletableFuture<?>[0])).thenApply(x -> {
                List<String> stopped = new ArrayList<>();
                for (CompletableFuture<String> s : stops) {
                    if (s.join() != null) {
                        stopped.add(s.join());
                    }
                }
                return moveRunning(r, stopped.size(), stopped);
            });
        }));
    }

    /** The selected jobs running on this node now (at most the pool's size). */
    private CompletableFuture<List<String>> runningHere(JobSelector selector) {
        Set<String> here = new HashSet<>();
        for (RunningRun run : ctx.engine().running()) {
            here.add(run.jobId());
        }
        if (here.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        if (selector.ids() != null) {
            List<String> ids = new ArrayList<>(selector.ids());
            ids.retainAll(here);
            return CompletableFuture.completedFuture(ids);
        }
        JobCriteria processing = selector.criteria().within(Set.of(JobState.PROCESSING));
        if (processing == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        return ctx.store().list(processing, false, null, here.size() * 4 + 100).thenApply(page -> {
            List<String> ids = new ArrayList<>();
            page.jobs().forEach(j -> {
                if (here.contains(j.id())) {
                    ids.add(j.id());
                }
            });
            return ids;
        });
    }

    /** The result with {@code n} processing jobs counted as changed (stopped) instead of skipped. */
    private static BulkResult moveRunning(BulkResult r, long n, List<String> ids) {
        if (n == 0) {
            return r;
        }
        Map<String, Long> skipped = new LinkedHashMap<>(r.skippedStates());
        long left = skipped.getOrDefault(PROCESSING, 0L) - n;
        if (left > 0) {
            skipped.put(PROCESSING, left);
        } else {
            skipped.remove(PROCESSING);
        }
        List<String> sample = new ArrayList<>(r.sample());
        for (String id : ids) {
            if (sample.size() < BulkResult.SAMPLE) {
                sample.add(id);
            }
        }
        return new BulkResult(r.count() + n, r.skipped() - n, skipped, r.notFound(), sample, r.dryRun());
    }

    private CompletableFuture<JobView> cancel(String id, int round) {
        // Subscribe before looking, so that a run registered between the two looks is not missed.
        CompletableFuture<JobEvent> changed = ctx.events().next(e -> concerns(e, id));
        CancelOutcome here = ctx.engine().cancel(id);
        if (here.status() == CancelOutcome.Status.DRAINING) {
            changed.cancel(false);
            return CompletableFuture.failedFuture(new ProtocolException(ErrorCode.UNAVAILABLE,
                    "job '" + id + "' is being stopped because the daemon is shutting down"));
        }
        if (here.status() == CancelOutcome.Status.STOPPING) {
            changed.cancel(false);
            return here.ended().thenCompose(end -> ctx.store().find(id)).thenApply(found -> found
                    .map(d -> Views.job(d.job(), PoolState.of(ctx))).orElseThrow(() -> ProtocolException.notFound(id)));
        }
        return ctx.store().change(JobAction.CANCEL, id).handle((job, error) -> {
            if (error == null) {
                changed.cancel(false);
                ctx.events().publish(new JobEvent.StateChanged(id, JobState.DEAD));
                return CompletableFuture.completedFuture(Views.job(job, PoolState.of(ctx)));
            }
            Throwable cause = Errors.unwrap(error);
            if (cause instanceof IllegalTransitionException
                    && ((IllegalTransitionException) cause).current() == JobState.PROCESSING && round < ROUNDS) {
                return changed.orTimeout(EVENT_WAIT_SECONDS, TimeUnit.SECONDS).handle((e, t) -> null)
                        .thenCompose(x -> cancel(id, round + 1));
            }
            changed.cancel(false);
            return CompletableFuture.<JobView>failedFuture(Errors.toProtocol(cause, e -> "job '" + id + "' is "
                    + e.current().key() + "; only pending, failed and running jobs can be cancelled"));
        }).thenCompose(f -> f);
    }

    private static boolean concerns(JobEvent e, String id) {
        if (e instanceof JobEvent.RunClaimed) {
            return ((JobEvent.RunClaimed) e).run().id().equals(id);
        }
        return e instanceof JobEvent.StateChanged && ((JobEvent.StateChanged) e).id().equals(id);
    }
}
