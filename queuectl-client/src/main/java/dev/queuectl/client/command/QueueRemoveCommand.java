package dev.queuectl.client.command;

import dev.queuectl.client.CommandFailure;
import dev.queuectl.client.ClientContext;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.render.DisplayText;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.QueueRemoveRequest;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code queuectl queue remove NAME}: refused while the queue has jobs. */
public final class QueueRemoveCommand extends DaemonCommand {
    private final PositionalParamSpec name = parameter("0", "NAME", "1", "The queue; it must have no jobs left.");

    public QueueRemoveCommand(ClientContext context) {
        super(context, "remove", "Delete a queue that has no jobs.");
    }

    @Override
    protected int run(SocketClient client) {
        Object result;
        try {
            result = request(client, new QueueRemoveRequest(name.getValue()));
        } catch (ProtocolException e) {
            throw CommandFailure.usage(e.getMessage().replace("field 'name'", "NAME"));
        }
        if (json()) {
            return printJson(result);
        }
        out().println("removed queue " + DisplayText.escape(name.getValue()));
        return ExitCodes.OK;
    }
}
