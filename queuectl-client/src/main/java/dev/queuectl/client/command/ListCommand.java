package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.transport.SocketClient;
import picocli.CommandLine.Model.OptionSpec;

/** {@code queuectl list}: jobs in enqueue order. */
public final class ListCommand extends DaemonCommand {
    private final OptionSpec stateOption = option("STATE", String.class, "Only jobs in this state.", "--state");

    private final OptionSpec limit = optionWithDefault("N", int.class, "100", "Show at most N jobs (1-10000, default ${DEFAULT-VALUE}).",
            "--limit");

    private final OptionSpec newest = flag("Newest first.", "--newest");

    public ListCommand(ClientContext context) {
        super(context, "list",
                "List jobs in enqueue order, oldest first (--newest reverses it).",
                "States: pending, processing, completed, failed (waiting to retry), dead (the DLQ).");
    }

    @Override
    protected int run(SocketClient client) {
        String state = stateOption.getValue();
        return listJobs(client, state, limit.getValue(), newest.getValue(), "no jobs" + (state == null ? "" : " in state " + state));
    }
}
