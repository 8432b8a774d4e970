package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.WorkerStartRequest;
import dev.queuectl.protocol.result.WorkersView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code queuectl worker start [--count N]}. */
@Command(name = "start", usageHelpAutoWidth = true,
        description = "Take jobs again, with N workers (default: the stored workers setting).")
public final class WorkerStartCommand extends DaemonCommand {
    @Option(names = "--count", paramLabel = "N", description = "Run at most N jobs at once (1-256); stored as workers.")
    Integer count;

    public WorkerStartCommand(ClientContext context) {
        super(context);
    }

    @Override
    protected int run(SocketClient client) {
        WorkerStartRequest request;
        try {
            request = new WorkerStartRequest(count);
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
