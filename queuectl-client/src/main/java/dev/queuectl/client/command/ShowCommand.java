package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.render.JobRenderer;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.ShowRequest;
import dev.queuectl.protocol.result.JobView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code queuectl show ID}: every field of a job and its run history. */
@Command(name = "show", usageHelpAutoWidth = true, description = "Show every field of a job and the history of its runs.")
public final class ShowCommand extends DaemonCommand {
    @Parameters(paramLabel = "ID", description = "The job's id.")
    String id;

    public ShowCommand(ClientContext context) {
        super(context);
    }

    @Override
    protected int run(SocketClient client) {
        ShowRequest request;
        try {
            request = new ShowRequest(id);
        } catch (ProtocolException e) {
            throw EnqueueCommand.usage(e.getMessage());
        }
        Object result = request(client, request);
        if (json()) {
            return printJson(result);
        }
        JobRenderer.detail(JobView.fromJson(result), context.clock().instant(), out());
        return ExitCodes.OK;
    }
}
