package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.protocol.JobSelection;
import dev.queuectl.protocol.request.ReleaseRequest;
import dev.queuectl.protocol.request.Request;
import dev.queuectl.protocol.result.JobView;

/** {@code queuectl release ID... | filters | --all [--dry-run]}. */
public final class ReleaseCommand extends BulkCommand {
    public ReleaseCommand(ClientContext context) {
        super(context, "release", "released {}", "release {}", "Every held job.", true,
                "Let held jobs run again once due.");
    }

    @Override
    protected Request request(JobSelection selection) {
        return new ReleaseRequest(selection);
    }

    @Override
    protected void printOne(Object result) {
        JobView job = JobView.fromJson(result);
        out().println("released " + job.id() + (job.whyWaiting() == null ? "" : ": " + job.whyWaiting().message()));
    }
}
