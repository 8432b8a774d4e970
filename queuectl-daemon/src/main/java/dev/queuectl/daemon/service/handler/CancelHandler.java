package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.engine.CancelOutcome;
import dev.queuectl.daemon.event.JobEvent;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.service.Errors;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.daemon.service.Views;
import dev.queuectl.daemon.store.IllegalTransitionException;
import dev.queuectl.protocol.ErrorCode;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.CancelRequest;
import dev.queuectl.protocol.result.JobView;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code cancel}: a running job has its run stopped (its tree TERM, then KILL) and ends dead; a
 * pending or failed job goes straight to dead ("cancelled"). A job claimed a moment ago is
 * still {@code processing} in the store before its run is registered: the handler waits for the
 * event that registers it (or changes the job) and tries again, without polling.
 */
public final class CancelHandler implements OpHandler<CancelRequest> {
    /** Rounds of "claimed, not yet registered" before giving up; each waits for an event. */
    private static final int ROUNDS = 3;
    private static final long EVENT_WAIT_SECONDS = 5;

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
