package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.CommandFailure;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.TimeRules;
import dev.queuectl.protocol.request.DrainRequest;
import dev.queuectl.protocol.result.DrainResult;
import picocli.CommandLine.Model.OptionSpec;

/** {@code queuectl drain [--timeout D]}. */
public final class DrainCommand extends DaemonCommand {
    private final OptionSpec timeoutOption = option("DURATION", String.class,
            "How long running jobs may take: " + TimeRules.DRAIN_TIMEOUT.range()
                    + " (default: the daemon's drain-timeout, 30s).", "--timeout");

    public DrainCommand(ClientContext context) {
        super(context, "drain",
                "Stop the daemon: take no new jobs, let running ones finish.",
                "Running jobs get up to the timeout; the rest are then stopped, recorded as interrupted, and run"
                        + " again after a restart. drain returns when the daemon has finished.");
    }

    @Override
    protected int run(SocketClient client) {
        String timeout = timeoutOption.getValue();
        DrainRequest request;
        try {
            request = new DrainRequest(timeout == null ? null : TimeRules.DRAIN_TIMEOUT.parse("--timeout", timeout));
        } catch (ProtocolException e) {
            throw CommandFailure.usage(e.getMessage());
        }
        // Answered once running jobs are done: no fixed limit, but a daemon that stops answering is noticed.
        Object result = waitingRequest(client, request, null);
        if (json()) {
            return printJson(result);
        }
        DrainResult r = DrainResult.fromJson(result);
        out().println("queuectld drained and is stopping: " + r.finished() + " running job(s) finished, "
                + r.interrupted() + " interrupted (they will run again)");
        return ExitCodes.OK;
    }
}
