package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.transport.SocketClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code queuectl list}: jobs in enqueue order. */
@Command(name = "list", usageHelpAutoWidth = true,
        description = {"List jobs in the order they were enqueued, oldest first (--newest reverses it).",
            "States: pending, processing, completed, failed (waiting to retry), dead (the DLQ)."})
public final class ListCommand extends DaemonCommand {
    @Option(names = "--state", paramLabel = "STATE", description = "Only jobs in this state.")
    String state;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "Show at most N jobs (1-10000, default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--newest", description = "Newest first.")
    boolean newest;

    public ListCommand(ClientContext context) {
        super(context);
    }

    @Override
    protected int run(SocketClient client) {
        return listJobs(client, state, limit, newest, "no jobs" + (state == null ? "" : " in state " + state));
    }
}
