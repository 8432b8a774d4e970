package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.Durations;
import dev.queuectl.protocol.request.DrainRequest;
import dev.queuectl.protocol.result.DrainResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code queuectl drain [--timeout D]}. */
@Command(name = "drain", usageHelpAutoWidth = true,
        description = {"Stop the daemon gracefully: take no new jobs, let running ones finish for up to the",
            "timeout, then stop the rest (they are recorded as interrupted and run again after a restart)."})
public final class DrainCommand extends DaemonCommand {
    @Option(names = "--timeout", paramLabel = "DURATION", description = "How long running jobs may take (default: the daemon's drain-timeout, 30s).")
    String timeout;

    public DrainCommand(ClientContext context) {
        super(context);
    }

    @Override
    protected int run(SocketClient client) {
        DrainRequest request;
        try {
            request = new DrainRequest(timeout == null ? null : Durations.parse(timeout));
        } catch (IllegalArgumentException e) {
            throw EnqueueCommand.usage("--timeout: " + e.getMessage());
        }
        Object result = request(client, request);
        if (json()) {
            return printJson(result);
        }
        DrainResult r = DrainResult.fromJson(result);
        out().println("queuectld drained and is stopping: " + r.finished() + " running job(s) finished, "
                + r.interrupted() + " interrupted (they will run again)");
        return ExitCodes.OK;
    }
}
