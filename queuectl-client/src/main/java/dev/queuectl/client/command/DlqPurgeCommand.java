package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.DlqPurgeRequest;
import dev.queuectl.protocol.result.CountResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code queuectl dlq purge ID|--all}. */
@Command(name = "purge", usageHelpAutoWidth = true,
        description = "Delete a dead job (or all of them) with its history and output. This cannot be undone.")
public final class DlqPurgeCommand extends DaemonCommand {
    @Parameters(paramLabel = "ID", arity = "0..1", description = "The dead job's id.")
    String id;

    @Option(names = "--all", description = "Every job in the dead-letter queue.")
    boolean all;

    public DlqPurgeCommand(ClientContext context) {
        super(context);
    }

    @Override
    protected int run(SocketClient client) {
        DlqPurgeRequest request;
        try {
            request = new DlqPurgeRequest(id, all);
        } catch (ProtocolException e) {
            throw EnqueueCommand.usage(all ? "give either an ID or --all, not both" : e.getMessage());
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
