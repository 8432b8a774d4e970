package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.CommandFailure;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.DlqPurgeRequest;
import dev.queuectl.protocol.result.CountResult;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code queuectl dlq purge ID|--all}. */
public final class DlqPurgeCommand extends DaemonCommand {
    private final PositionalParamSpec idParameter = parameter("0", "ID", "0..1", "The dead job's id.");

    private final OptionSpec allOption = flag("Every job in the dead-letter queue.", "--all");

    public DlqPurgeCommand(ClientContext context) {
        super(context, "purge", "Delete a dead job, or all of them, with history and output.",
                "This cannot be undone. Ids are unique among existing jobs: once purged, an id may be used again.");
    }

    @Override
    protected int run(SocketClient client) {
        String id = idParameter.getValue();
        boolean all = allOption.getValue();
        if (id == null && !all) {
            throw CommandFailure.usage("which job? give a dead job's ID, or --all (queuectl dlq purge ID|--all)");
        }
        if (id != null && all) {
            throw CommandFailure.usage("give either an ID or --all, not both");
        }
        DlqPurgeRequest request;
        try {
            request = new DlqPurgeRequest(id, all);
        } catch (ProtocolException e) {
            throw CommandFailure.usage(e.getMessage());
        }
        Object result = request(client, request);
        if (json()) {
            return printJson(result);
        }
        long n = CountResult.fromJson(result).count();
        out().println(all ? "deleted " + n + (n == 1 ? " dead job" : " dead jobs") : "deleted " + id);
        return ExitCodes.OK;
    }
}
