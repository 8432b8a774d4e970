package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.event.JobEvent;
import dev.queuectl.daemon.job.Job;
import dev.queuectl.daemon.job.JobEdit;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.service.Errors;
import dev.queuectl.daemon.service.PoolState;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.daemon.service.Views;
import dev.queuectl.daemon.store.IllegalTransitionException;
import dev.queuectl.daemon.store.JobChangedException;
import dev.queuectl.protocol.EnvVars;
import dev.queuectl.protocol.Labels;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.EditRequest;
import dev.queuectl.protocol.result.JobView;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code edit}: changes a pending or failed job at once. The job's new labels and environment are
 * worked out from the job as read (so the limits hold for the result), and the store applies the
 * edit only to that version of the job; if something changed it meanwhile, the edit is worked out
 * again.
 */
public final class EditHandler implements OpHandler<EditRequest> {
    private static final int ATTEMPTS = 3;

    private final ServiceContext ctx;

    public EditHandler(ServiceContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CompletableFuture<JobView> handle(EditRequest request) {
        return edit(request, 1);
    }

    private CompletableFuture<JobView> edit(EditRequest r, int attempt) {
        return ctx.store().find(r.id()).thenCompose(found -> {
            Job job = found.orElseThrow(() -> ProtocolException.notFound(r.id())).job();
            return ctx.store().edit(r.id(), resolve(r, job)).handle((edited, error) -> {
                if (error == null) {
                    ctx.events().publish(new JobEvent.Modified(List.of(r.id())));
                    return CompletableFuture.completedFuture(Views.job(edited, PoolState.of(ctx)));
                }
                if (Errors.unwrap(error) instanceof JobChangedException && attempt < ATTEMPTS) {
                    return edit(r, attempt + 1);
                }
                return CompletableFuture.<JobView>failedFuture(Errors.toProtocol(error, EditHandler::refusal));
            }).thenCompose(f -> f);
        });
    }

    private JobEdit resolve(EditRequest r, Job job) {
        Instant runAt = r.delay() != null ? ctx.clock().instant().plus(r.delay()) : r.runAt();
        Map<String, String> labels = null;
        if (!r.labels().isEmpty() || !r.unsetLabels().isEmpty()) {
            labels = new LinkedHashMap<>(job.labels());
            labels.putAll(r.labels());
            r.unsetLabels().forEach(labels::remove);
            labels = Labels.check("the job's labels after the edit", labels);
        }
        Map<String, String> env = null;
        if (!r.env().isEmpty() || !r.unsetEnv().isEmpty()) {
            env = new LinkedHashMap<>(job.env());
            env.putAll(r.env());
            r.unsetEnv().forEach(env::remove);
            env = EnvVars.check("the job's environment after the edit", env);
        }
        return new JobEdit(job.updatedAt(), r.command(), r.priority(), runAt,
                r.timeout() == null ? null : r.timeout().toMillis(), r.unset().contains("timeout"), r.maxRetries(),
                r.cwd(), r.unset().contains("cwd"), labels, env);
    }

    private static String refusal(IllegalTransitionException e) {
        if (e.current() == JobState.PROCESSING) {
            return "job '" + e.id() + "' is processing: a running job cannot be edited (cancel it, or edit it once"
                    + " this run ends; a failed job waiting for its retry can be edited)";
        }
        return "job '" + e.id() + "' is " + e.current().key() + "; only pending and failed jobs can be edited"
                + " (rerun it to run it again)";
    }
}
