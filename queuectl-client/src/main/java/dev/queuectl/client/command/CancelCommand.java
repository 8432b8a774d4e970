package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.protocol.JobSelection;
import dev.queuectl.protocol.request.CancelRequest;
import dev.queuectl.protocol.request.Request;
import dev.queuectl.protocol.result.JobView;

/** {@code queuectl cancel ID... | --state/--label/--search/--since/--until | --all [--dry-run]}. */
public final class CancelCommand extends BulkCommand {
    public CancelCommand(ClientContext context) {
        super(context, "cancel", "cancelled {}", "cancel {}",
                "Every job that can be cancelled (pending, failed, running).", true,
                "Cancel jobs: they become dead, with last error \"cancelled\".",
                "The jobs go to the dead-letter queue. A running job's whole process group gets SIGTERM, then"
                        + " SIGKILL after the daemon's kill-grace; cancel returns once it is stopped.",
                "Name jobs by id, or select them with filters (all must hold) or --all; completed and dead ones are"
                        + " skipped. --dry-run shows what would change.");
    }

    @Override
    protected Request request(JobSelection selection) {
        return new CancelRequest(selection);
    }

    @Override
    protected void printOne(Object result) {
        JobView job = JobView.fromJson(result);
        out().println("cancelled " + job.id() + " (now " + job.state().wireName() + ")");
    }
}
