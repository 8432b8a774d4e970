package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.request.WorkerStopRequest;
import dev.queuectl.protocol.result.WorkersView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code queuectl worker stop [--wait]}. */
@Command(name = "stop", usageHelpAutoWidth = true,
        description = "Take no new jobs; running jobs finish in their own time.")
public final class WorkerStopCommand extends DaemonCommand {
    @Option(names = "--wait", description = "Return only when no job is running any more.")
    boolean waitForIdle;

    public WorkerStopCommand(ClientContext context) {
        super(context);
    }

    @Override
    protected int run(SocketClient client) {
        Object result = request(client, new WorkerStopRequest(waitForIdle));
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
