package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.protocol.JobSelection;
import dev.queuectl.protocol.request.DlqPurgeRequest;
import dev.queuectl.protocol.request.Request;

/** {@code queuectl dlq purge ID... | filters | --all [--dry-run]}. */
public final class DlqPurgeCommand extends BulkCommand {
    private String single;

    public DlqPurgeCommand(ClientContext context) {
        super(context, "purge", "deleted {}", "delete {}", "Every job in the dead-letter queue.", false,
                "Delete dead jobs with their history and output.",
                "This cannot be undone. Name the jobs by id, or select them with --label, --search, --since, --until,"
                        + " or --all. Ids are unique among existing jobs: once purged, an id may be used again.");
    }

    @Override
    protected Request request(JobSelection selection) {
        single = selection.id();
        return new DlqPurgeRequest(selection);
    }

    @Override
    protected void printOne(Object result) {
        out().println("deleted " + single);
    }
}
