package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.protocol.JobSelection;
import dev.queuectl.protocol.request.HoldRequest;
import dev.queuectl.protocol.request.Request;
import dev.queuectl.protocol.result.JobView;

/** {@code queuectl hold ID... | filters | --all [--dry-run]}. */
public final class HoldCommand extends BulkCommand {
    public HoldCommand(ClientContext context) {
        super(context, "hold", "held {}", "hold {}", "Every pending and failed job.", true,
                "Keep pending or failed jobs from running until released.",
                "A held job keeps its state; queuectl release lets it run. show, list and status say which jobs are"
                        + " held.");
    }

    @Override
    protected Request request(JobSelection selection) {
        return new HoldRequest(selection);
    }

    @Override
    protected void printOne(Object result) {
        JobView job = JobView.fromJson(result);
        out().println("held " + job.id() + " (" + job.state().wireName() + "; queuectl release " + job.id()
                + " lets it run)");
    }
}
