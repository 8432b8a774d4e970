package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.transport.SocketClient;
import picocli.CommandLine.Model.OptionSpec;

/** {@code queuectl dlq list}: the same as {@code list --state dead}. */
public final class DlqListCommand extends DaemonCommand {
    private final OptionSpec limit = optionWithDefault("N", int.class, "100", "Show at most N jobs (default ${DEFAULT-VALUE}).",
            "--limit");

    private final OptionSpec newest = flag("Newest first.", "--newest");

    public DlqListCommand(ClientContext context) {
        super(context, "list", "List dead jobs (the same as list --state dead).",
                "Each with its attempts and last error.");
    }

    @Override
    protected int run(SocketClient client) {
        return listJobs(client, "dead", limit.getValue(), newest.getValue(), "the dead-letter queue is empty");
    }
}
