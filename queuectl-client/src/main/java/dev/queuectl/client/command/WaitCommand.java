package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.CommandFailure;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.render.DisplayText;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.JobState;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.TimeRules;
import dev.queuectl.protocol.request.WaitRequest;
import dev.queuectl.protocol.result.WaitResult;
import java.time.Duration;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code queuectl wait ID [--timeout D]}. */
public final class WaitCommand extends DaemonCommand {
    private final PositionalParamSpec idParameter = parameter("0", "ID", "1", "The job's id.");

    private final OptionSpec timeoutOption = option("DURATION", String.class,
            "Give up after this long: " + TimeRules.WAIT_TIMEOUT.range() + " (30s, 5m, 1h).", "--timeout");

    public WaitCommand(ClientContext context) {
        super(context, "wait",
                "Wait until a job is completed or dead (retries included).",
                "Exit status 0 when it completed, 6 when it ended dead, 7 when --timeout passed first.");
    }

    @Override
    protected int run(SocketClient client) {
        String id = idParameter.getValue();
        String timeout = timeoutOption.getValue();
        WaitRequest request;
        try {
            Duration limit = timeout == null ? null : TimeRules.WAIT_TIMEOUT.parse("--timeout", timeout);
            request = new WaitRequest(id, limit);
        } catch (ProtocolException e) {
            throw CommandFailure.usage(e.getMessage());
        }
        // The daemon answers by --timeout; the reply deadline on top covers a busy daemon. Without
        // --timeout there is no limit, but a daemon that stops answering is still noticed.
        Object raw = waitingRequest(client, request,
                request.timeout() == null ? null : request.timeout().plus(context.deadlines().reply()));
        WaitResult result = WaitResult.fromJson(raw);
        if (json()) {
            printJson(raw);
        } else if (!result.finished()) {
            err().println("queuectl: " + id + " is still " + result.job().state().wireName() + " after " + timeout);
        } else if (result.job().state() == JobState.COMPLETED) {
            out().println(id + " completed");
        } else {
            out().println(id + " is dead: "
                    + (result.job().lastError() == null ? "-" : DisplayText.escape(result.job().lastError())));
        }
        if (!result.finished()) {
            return ExitCodes.WAIT_TIMEOUT;
        }
        return result.job().state() == JobState.COMPLETED ? ExitCodes.OK : ExitCodes.JOB_DEAD;
    }
}
