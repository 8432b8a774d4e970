package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.render.QueueRenderer;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.request.QueueListRequest;
import dev.queuectl.protocol.result.QueueList;

/** {@code queuectl queue list}. */
public final class QueueListCommand extends DaemonCommand {
    public QueueListCommand(ClientContext context) {
        super(context, "list", "Every queue: limits, pause, jobs per state, oldest due job's wait.");
    }

    @Override
    protected int run(SocketClient client) {
        Object result = request(client, new QueueListRequest());
        if (json()) {
            return printJson(result);
        }
        QueueRenderer.table(QueueList.fromJson(result).queues(), context.clock().instant(), display(), out());
        return ExitCodes.OK;
    }
}
