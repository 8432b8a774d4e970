package dev.queuectl.client.command;

import dev.queuectl.client.CommandFailure;
import dev.queuectl.client.ClientContext;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.render.QueueRenderer;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.QueueNames;
import dev.queuectl.protocol.QueueSettings;
import dev.queuectl.protocol.request.QueueAddRequest;
import dev.queuectl.protocol.request.QueueSetRequest;
import dev.queuectl.protocol.result.QueueView;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code queuectl queue add NAME [settings]} and {@code queuectl queue set NAME settings}. */
public final class QueueSaveCommand extends DaemonCommand {
    private final boolean create;
    private final PositionalParamSpec name = parameter("0", "NAME", "1", "The queue: 1-64 of A-Z a-z 0-9 . _ : @ -.");
    private final QueueSettingsOptions settings = new QueueSettingsOptions(this);

    /** {@code create}: queue add (refused if it exists), else queue set (refused if it does not). */
    public QueueSaveCommand(ClientContext context, boolean create) {
        super(context, create ? "add" : "set", create
                ? "Create a queue with settings of its own (also created on first use)."
                : "Change a queue's settings (jobs already in it keep theirs).");
        this.create = create;
    }

    @Override
    protected int run(SocketClient client) {
        if (!create && !settings.given()) {
            throw CommandFailure.usage("what should change? give --concurrency, --max-retries or --timeout");
        }
        QueueSettings s = settings.settings();
        String queue = name.getValue();
        try {
            QueueNames.check("NAME", queue);
        } catch (ProtocolException e) {
            throw CommandFailure.usage(e.getMessage());
        }
        Object result = request(client, create ? new QueueAddRequest(queue, s) : new QueueSetRequest(queue, s));
        if (json()) {
            return printJson(result);
        }
        out().println(QueueRenderer.summary(QueueView.fromJson(result)));
        return ExitCodes.OK;
    }
}
