package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.transport.SocketClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code queuectl dlq list}: the same as {@code list --state dead}. */
@Command(name = "list", usageHelpAutoWidth = true,
        description = "List dead jobs with their attempts and last error (the same as list --state dead).")
public final class DlqListCommand extends DaemonCommand {
    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "Show at most N jobs (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--newest", description = "Newest first.")
    boolean newest;

    public DlqListCommand(ClientContext context) {
        super(context);
    }

    @Override
    protected int run(SocketClient client) {
        return listJobs(client, "dead", limit, newest, "the dead-letter queue is empty");
    }
}
