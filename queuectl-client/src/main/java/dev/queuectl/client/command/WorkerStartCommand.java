package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.WorkerStartRequest;
import dev.queuectl.protocol.result.WorkersView;
import picocli.CommandLine.Model.OptionSpec;

/** {@code queuectl worker start [--count N]}. */
public final class WorkerStartCommand extends DaemonCommand {
    private final OptionSpec count = option("N", Integer.class, "Run at most N jobs at once (1-256); stored as workers.",
            "--count");

    public WorkerStartCommand(ClientContext context) {
        super(context, "start", "Take jobs again, with N workers (default: the stored workers setting).");
    }

    @Override
    protected int run(SocketClient client) {
        WorkerStartRequest request;
        try {
            request = new WorkerStartRequest(count.getValue());
        } catch (ProtocolException e) {
            throw EnqueueCommand.usage("--count: must be between 1 and 256");
        }
        Object result = request(client, request);
        if (json()) {
            return printJson(result);
        }
        WorkersView w = WorkersView.fromJson(result);
        out().println("taking jobs with " + w.configured() + (w.configured() == 1 ? " worker" : " workers")
                + " (" + w.busy().size() + " busy)");
        return ExitCodes.OK;
    }
}
