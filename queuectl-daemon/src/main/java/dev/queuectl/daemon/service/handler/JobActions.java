package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.event.JobEvent;
import dev.queuectl.daemon.job.JobAction;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.service.BulkActions;
import dev.queuectl.daemon.service.Errors;
import dev.queuectl.daemon.service.PoolState;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.daemon.service.Views;
import dev.queuectl.daemon.store.IllegalTransitionException;
import dev.queuectl.protocol.JobSelection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What the action ops (rerun, hold, release, DLQ retry) share: one job is changed and answered
 * with its view, a refusal worded by the op; several go through {@link BulkActions}. Thread-safe.
 */
final class JobActions {
    private final ServiceContext ctx;
    private final BulkActions bulk;

    JobActions(ServiceContext ctx) {
        this.ctx = ctx;
        this.bulk = new BulkActions(ctx);
    }

    /**
     * Applies {@code action} to the selected jobs ({@code scope}: the states a filter is limited to,
     * or null), wording a one-job refusal with {@code refusal}.
     */
    CompletableFuture<?> run(JobAction action, JobSelection selection, Set<JobState> scope,
                             Function<IllegalTransitionException, String> refusal) {
        if (!selection.single()) {
            var selector = BulkActions.selector(selection, scope);
            return selection.dryRun() ? bulk.preview(action, selector) : bulk.apply(action, selector);
        }
        String id = selection.id();
        return ctx.store().change(action, id).handle((job, error) -> {
            if (error != null) {
                throw Errors.toProtocol(error, refusal);
            }
            if (action.transition() != null) {
                ctx.events().publish(new JobEvent.StateChanged(id, job.state()));
            } else {
                ctx.events().publish(new JobEvent.Modified(List.of(id)));
            }
            return Views.job(job, PoolState.of(ctx));
        });
    }

    BulkActions bulk() {
        return bulk;
    }

    /** "job 'x' is completed; only pending and failed jobs can be held" and the like. */
    static String onlyFrom(IllegalTransitionException e, String what, String verb) {
        return "job '" + e.id() + "' is " + e.current().key() + "; only " + what + " jobs can be " + verb;
    }
}
