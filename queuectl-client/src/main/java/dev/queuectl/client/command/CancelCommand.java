package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.CommandFailure;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.CancelRequest;
import dev.queuectl.protocol.result.JobView;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code queuectl cancel ID}. */
public final class CancelCommand extends DaemonCommand {
    private final PositionalParamSpec id = parameter("0", "ID", "1", "The job's id.");

    public CancelCommand(ClientContext context) {
        super(context, "cancel",
                "Cancel a job: it becomes dead, with last error \"cancelled\".",
                "The job goes to the dead-letter queue. A running job's whole process group gets SIGTERM, then"
                        + " SIGKILL after the daemon's kill-grace; cancel returns once it is stopped.");
    }

    @Override
    protected int run(SocketClient client) {
        CancelRequest request;
        try {
            request = new CancelRequest(id.getValue());
        } catch (ProtocolException e) {
            throw CommandFailure.usage(e.getMessage());
        }
        // Waits while the daemon stops the run (SIGTERM, then SIGKILL after its kill-grace).
        Object result = waitingRequest(client, request, null);
        if (json()) {
            return printJson(result);
        }
        JobView job = JobView.fromJson(result);
        out().println("cancelled " + job.id() + " (now " + job.state().wireName() + ")");
        return ExitCodes.OK;
    }
}
