package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.protocol.JobSelection;
import dev.queuectl.protocol.request.DlqRetryRequest;
import dev.queuectl.protocol.request.Request;
import dev.queuectl.protocol.result.JobView;

/** {@code queuectl dlq retry ID... | filters | --all [--dry-run]}. */
public final class DlqRetryCommand extends BulkCommand {
    public DlqRetryCommand(ClientContext context) {
        super(context, "retry", "moved {} from the dead-letter queue back to pending",
                "move {} from the dead-letter queue back to pending", "Every job in the dead-letter queue.", false,
                "Move dead jobs back to pending.",
                "Attempts start from 0 again; the history stays. Name the jobs by id, or select them with --label,"
                        + " --search, --since, --until, or --all.");
    }

    @Override
    protected Request request(JobSelection selection) {
        return new DlqRetryRequest(selection);
    }

    @Override
    protected void printOne(Object result) {
        out().println(JobView.fromJson(result).id() + " is pending again");
    }
}
