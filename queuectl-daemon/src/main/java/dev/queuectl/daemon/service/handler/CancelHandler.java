package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.engine.CancelOutcome;
import dev.queuectl.daemon.event.JobEvent;
import dev.queuectl.daemon.job.Job;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.service.Errors;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.daemon.service.Views;
import dev.queuectl.daemon.store.IllegalTransitionException;
import dev.queuectl.protocol.ErrorCode;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.CancelRequest;
import dev.queuectl.protocol.result.JobView;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code cancel}: a running job has its run stopped (its tree TERM, then KILL) and ends dead; a
 * pending or failed job goes straight to dead ("cancelled"). A job claimed a moment ago is
 * still {@code processing} in the store before its run is registered: the handler waits for the
 * event that registers it (or changes the job) and tries again, without polling. With a shared
 * store, a job running on another node is cancelled through a request its owner acts on.
 */
public final class CancelHandler implements OpHandler<CancelRequest> {
    /** Rounds of "claimed, not yet registered" before giving up; each waits for an event. */
    private static final int ROUNDS = 3;
    private static final long EVENT_WAIT_SECONDS = 5;
    /** How long a cancel waits for another node to stop the job's run. */
    private static final Duration REMOTE_WAIT = Duration.ofSeconds(30);

    private final ServiceContext ctx;

    public CancelHandler(ServiceContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CompletableFuture<JobView> handle(CancelRequest request) {
        return cancel(request.id(), 1);
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
                    .map(d -> Views.job(d.job(), null)).orElseThrow(() -> ProtocolException.notFound(id)));
        }
        return ctx.store().cancel(id).handle((job, error) -> {
            if (error == null) {
                changed.cancel(false);
                ctx.events().publish(new JobEvent.StateChanged(id, JobState.DEAD));
                return CompletableFuture.completedFuture(Views.job(job, null));
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
                        ? CompletableFuture.completedFuture(Views.job(job, null)) : cancel(id, round + 1));
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
