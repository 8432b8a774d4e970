package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.CommandFailure;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.render.JobRenderer;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.ShowRequest;
import dev.queuectl.protocol.result.JobView;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code queuectl show ID}: every field of a job and its run history. */
public final class ShowCommand extends DaemonCommand {
    private final PositionalParamSpec id = parameter("0", "ID", "1", "The job's id.");

    public ShowCommand(ClientContext context) {
        super(context, "show", "Show every field of a job and the history of its runs.");
    }

    @Override
    protected int run(SocketClient client) {
        ShowRequest request;
        try {
            request = new ShowRequest(id.getValue());
        } catch (ProtocolException e) {
            throw CommandFailure.usage(e.getMessage());
        }
        Object result = request(client, request);
        if (json()) {
            return printJson(result);
        }
        JobRenderer.detail(JobView.fromJson(result), context.clock().instant(), display(), out());
        return ExitCodes.OK;
    }
}
