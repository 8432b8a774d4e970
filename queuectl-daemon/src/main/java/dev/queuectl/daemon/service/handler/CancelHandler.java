package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.engine.CancelOutcome;
import dev.queuectl.daemon.engine.RunningRun;
import dev.queuectl.daemon.event.JobEvent;
import dev.queuectl.daemon.job.Job;
import dev.queuectl.daemon.job.JobAction;
import dev.queuectl.daemon.job.JobCriteria;
import dev.queuectl.daemon.job.JobRef;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code cancel}: a running job has its run stopped (its tree TERM, then KILL) and ends dead; a
 * pending or failed job goes straight to dead ("cancelled"). A job claimed a moment ago is
 * still {@code processing} in the store before its run is registered: the handler waits for the
 * event that registers it (or changes the job) and tries again, without polling. With a shared
 * store, a job running on another node is cancelled through a request its owner acts on.
 * Several jobs: the waiting ones in batches in the store, then the running ones one by one (with
 * a shared store, those of every node; else this node's).
 */
public final class CancelHandler implements OpHandler<CancelRequest> {
    /** Rounds of "claimed, not yet registered" before giving up; each waits for an event. */
    private static final int ROUNDS = 3;
    private static final long EVENT_WAIT_SECONDS = 5;
    /** How long a cancel waits for another node to stop the job's run. */
    private static final Duration REMOTE_WAIT = Duration.ofSeconds(30);
    private static final String PROCESSING = JobState.PROCESSING.key();
    /** With a shared store, at most this many running jobs of a bulk cancel are stopped, on any node. */
    private static final int REMOTE_MAX = 1_000;

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

    /**
     * The selected jobs running on this node now (at most the pool's size); with a shared store,
     * running on any node (at most {@value #REMOTE_MAX}).
     */
    private CompletableFuture<List<String>> runningHere(JobSelector selector) {
        boolean shared = ctx.store().cluster().shared();
        Set<String> here = new HashSet<>();
        for (RunningRun run : ctx.engine().running()) {
            here.add(run.jobId());
        }
        if (here.isEmpty() && !shared) {
            return CompletableFuture.completedFuture(List.of());
        }
        if (selector.ids() != null) {
            List<String> ids = new ArrayList<>(selector.ids());
            if (shared) {
                List<CompletableFuture<Optional<JobRef>>> looks = new ArrayList<>();
                for (String id : ids) {
                    looks.add(ctx.store().locate(id));
                }
                return CompletableFuture.allOf(looks.toArray(new CompletableFuture<?>[0])).thenApply(x -> {
                    List<String> running = new ArrayList<>();
                    for (CompletableFuture<Optional<JobRef>> look : looks) {
                        look.join().filter(j -> j.state() == JobState.PROCESSING).ifPresent(j -> running.add(j.id()));
                    }
                    return running;
                });
            }
            ids.retainAll(here);
            return CompletableFuture.completedFuture(ids);
        }
        JobCriteria processing = selector.criteria().within(Set.of(JobState.PROCESSING));
        if (processing == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        return ctx.store().list(processing, false, null, shared ? REMOTE_MAX : here.size() * 4 + 100).thenApply(page -> {
            List<String> ids = new ArrayList<>();
            page.jobs().forEach(j -> {
                if (shared || here.contains(j.id())) {
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
            boolean running = cause instanceof IllegalTransitionException
                    && ((IllegalTransitionException) cause).current() == JobState.PROCESSING;
            if (running && ctx.store().cluster().shared() && round < ROUNDS) {
                // Another node's run: ask its owner. Ours, just claimed: wait for it to register.
                return ctx.store().cluster().requestCancel(id).thenCompose(asked -> {
                    if (asked) {
                        changed.cancel(false);
                        return elsewhere(id, round);
                    }
                    return changed.orTimeout(EVENT_WAIT_SECONDS, TimeUnit.SECONDS).handle((e, t) -> null)
                            .thenCompose(x -> cancel(id, round + 1));
                });
            }
            if (running && round < ROUNDS) {
                return changed.orTimeout(EVENT_WAIT_SECONDS, TimeUnit.SECONDS).handle((e, t) -> null)
                        .thenCompose(x -> cancel(id, round + 1));
            }
            changed.cancel(false);
            return CompletableFuture.<JobView>failedFuture(Errors.toProtocol(cause, e -> "job '" + id + "' is "
                    + e.current().key() + "; only pending, failed and running jobs can be cancelled"));
        }).thenCompose(f -> f);
    }

    /**
     * The job runs on another node, whose owner was asked through the store: wait until the run
     * has ended there. Ended dead, the cancel is done; ended otherwise
     * (interrupted, say), it is cancelled again from its new state.
     */
    private CompletableFuture<JobView> elsewhere(String id, int round) {
        Instant giveUp = ctx.clock().instant().plus(REMOTE_WAIT);
        return untilNotRunning(id, giveUp).thenCompose(job -> job.state() == JobState.DEAD
                        ? CompletableFuture.completedFuture(Views.job(job, PoolState.of(ctx))) : cancel(id, round + 1));
    }

    private CompletableFuture<Job> untilNotRunning(String id, Instant giveUp) {
        CompletableFuture<JobEvent> changed = ctx.events().next(e -> concerns(e, id));
        return ctx.store().find(id).thenCompose(found -> {
            Job job = found.orElseThrow(() -> ProtocolException.notFound(id)).job();
            if (job.state() != JobState.PROCESSING) {
                changed.cancel(false);
                return CompletableFuture.completedFuture(job);
            }
            if (ctx.clock().instant().isAfter(giveUp)) {
                changed.cancel(false);
                throw new ProtocolException(ErrorCode.UNAVAILABLE, "job '" + id + "' is still running on another node after " + REMOTE_WAIT.toSeconds() + "s; the cancel request stays"
                        + " until that node acts on it");
            }
            // Woken by the owner's notification, or by the poll every second at the latest.
            return changed.completeOnTimeout(null, 1, TimeUnit.SECONDS).thenCompose(e -> untilNotRunning(id, giveUp));
        });
    }

    private static boolean concerns(JobEvent e, String id) {
        if (e instanceof JobEvent.ChangedElsewhere) {
            String changed = ((JobEvent.ChangedElsewhere) e).id();
            return changed == null || changed.equals(id);
        }
        if (e instanceof JobEvent.RunClaimed) {
            return ((JobEvent.RunClaimed) e).run().id().equals(id);
        }
        return e instanceof JobEvent.StateChanged && ((JobEvent.StateChanged) e).id().equals(id);
    }
}
