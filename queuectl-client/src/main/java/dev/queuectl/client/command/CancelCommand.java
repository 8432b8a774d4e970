package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.CancelRequest;
import dev.queuectl.protocol.result.JobView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code queuectl cancel ID}. */
@Command(name = "cancel", usageHelpAutoWidth = true,
        description = {"Cancel a job: it goes to the dead-letter queue with last error \"cancelled\".",
            "A running job's whole process group gets SIGTERM, then SIGKILL after the daemon's kill-grace."})
public final class CancelCommand extends DaemonCommand {
    @Parameters(paramLabel = "ID", description = "The job's id.")
    String id;

    public CancelCommand(ClientContext context) {
        super(context);
    }

    @Override
    protected int run(SocketClient client) {
        CancelRequest request;
        try {
            request = new CancelRequest(id);
        } catch (ProtocolException e) {
            throw EnqueueCommand.usage(e.getMessage());
        }
        Object result = request(client, request);
        if (json()) {
            return printJson(result);
        }
        JobView job = JobView.fromJson(result);
        out().println("cancelled " + job.id() + " (now " + job.state().wireName() + ")");
        return ExitCodes.OK;
    }
}
