package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.CommandFailure;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.RuntimeKey;
import dev.queuectl.protocol.request.WorkerStartRequest;
import dev.queuectl.protocol.result.WorkersView;
import picocli.CommandLine.Model.OptionSpec;

/** {@code queuectl worker start [--count N]}. */
public final class WorkerStartCommand extends DaemonCommand {
    private final OptionSpec count = option("N", Integer.class, "Run at most N jobs at once (1-256); stored as workers.",
            "--count");

    public WorkerStartCommand(ClientContext context) {
        super(context, "start", "Take jobs again (--count N also sets the workers setting).");
    }

    @Override
    protected int run(SocketClient client) {
        Integer n = count.getValue();
        if (n != null && (n < 1 || n > RuntimeKey.MAX_WORKERS)) {
            throw CommandFailure.usage("--count must be from 1 to " + RuntimeKey.MAX_WORKERS + ", not " + n);
        }
        WorkerStartRequest request = new WorkerStartRequest(n);
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
