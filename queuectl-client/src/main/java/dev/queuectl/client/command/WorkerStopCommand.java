package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.request.WorkerStopRequest;
import dev.queuectl.protocol.result.WorkersView;
import picocli.CommandLine.Model.OptionSpec;

/** {@code queuectl worker stop [--wait]}. */
public final class WorkerStopCommand extends DaemonCommand {
    private final OptionSpec waitForIdle = flag("Return only when no job is running any more.", "--wait");

    public WorkerStopCommand(ClientContext context) {
        super(context, "stop", "Take no new jobs; running jobs finish in their own time.");
    }

    @Override
    protected int run(SocketClient client) {
        boolean untilIdle = waitForIdle.getValue();
        WorkerStopRequest request = new WorkerStopRequest(untilIdle);
        // --wait is answered when running jobs are done: no fixed limit, but a hung daemon is noticed.
        Object result = untilIdle ? waitingRequest(client, request, null) : request(client, request);
        if (json()) {
            return printJson(result);
        }
        WorkersView w = WorkersView.fromJson(result);
        int busy = w.busy().size();
        out().println("stopped taking jobs" + (busy == 0 ? "; none is running"
                : "; " + busy + (busy == 1 ? " job is" : " jobs are") + " still running"));
        return ExitCodes.OK;
    }
}
