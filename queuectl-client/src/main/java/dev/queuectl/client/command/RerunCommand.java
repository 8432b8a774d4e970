package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.protocol.JobSelection;
import dev.queuectl.protocol.request.RerunRequest;
import dev.queuectl.protocol.request.Request;
import dev.queuectl.protocol.result.JobView;

/** {@code queuectl rerun ID... | filters | --all [--dry-run]}. */
public final class RerunCommand extends BulkCommand {
    public RerunCommand(ClientContext context) {
        super(context, "rerun", "sent {} back to pending", "send {} back to pending",
                "Every completed and dead job.", true,
                "Run completed or dead jobs again.",
                "They are pending once more, with attempts from 0 and the same command, directory and environment;"
                        + " the history stays and the next run gets the next number. Pending, running and failed jobs"
                        + " are refused (one id) or skipped (several).");
    }

    @Override
    protected Request request(JobSelection selection) {
        return new RerunRequest(selection);
    }

    @Override
    protected void printOne(Object result) {
        out().println(JobView.fromJson(result).id() + " is pending again");
    }
}
