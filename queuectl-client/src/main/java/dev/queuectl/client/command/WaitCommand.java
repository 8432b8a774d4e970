package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.CommandFailure;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.render.DisplayText;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.JobSpec;
import dev.queuectl.protocol.JobState;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.TimeRules;
import dev.queuectl.protocol.json.Json;
import dev.queuectl.protocol.request.WaitRequest;
import dev.queuectl.protocol.result.WaitResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code queuectl wait ID... [--timeout D]}: until every job is completed or dead, one after the
 * other within one time limit. With several ids, {@code --json} prints an array of the answers.
 */
public final class WaitCommand extends DaemonCommand {
    private final PositionalParamSpec ids = remainingParameters("ID", "The jobs' ids.");

    private final OptionSpec timeoutOption = option("DURATION", String.class,
            "Give up after this long in all: " + TimeRules.WAIT_TIMEOUT.range() + " (30s, 5m, 1h).", "--timeout");

    public WaitCommand(ClientContext context) {
        super(context, "wait",
                "Wait until jobs are completed or dead (retries included).",
                "Exit status 0 when all completed, 6 when one ended dead, 7 when --timeout passed first.");
    }

    @Override
    protected int run(SocketClient client) {
        List<String> given = ids.getValue();
        if (given == null || given.isEmpty()) {
            throw CommandFailure.usage("which job? (queuectl wait ID... [--timeout D])");
        }
        String timeout = timeoutOption.getValue();
        Duration limit;
        try {
            limit = timeout == null ? null : TimeRules.WAIT_TIMEOUT.parse("--timeout", timeout);
            for (String id : given) {
                JobSpec.validateId(id);
            }
        } catch (ProtocolException e) {
            throw CommandFailure.usage(e.getMessage());
        }
        Instant deadline = limit == null ? null : context.clock().instant().plus(limit);
        List<Object> raw = new ArrayList<>();
        int code = ExitCodes.OK;
        for (String id : given) {
            Duration left = null;
            if (deadline != null) {
                Duration d = Duration.between(context.clock().instant(), deadline);
                left = d.isNegative() ? Duration.ZERO : d;
            }
            WaitRequest request = new WaitRequest(id, left);
            // The daemon answers by --timeout; the reply deadline on top covers a busy daemon. Without
            // --timeout there is no limit, but a daemon that stops answering is still noticed.
            Object answer = waitingRequest(client, request,
                    left == null ? null : left.plus(context.deadlines().reply()));
            raw.add(answer);
            WaitResult result = WaitResult.fromJson(answer);
            if (!json()) {
                print(id, result, timeout);
            }
            if (!result.finished()) {
                code = ExitCodes.WAIT_TIMEOUT;
            } else if (result.job().state() != JobState.COMPLETED && code == ExitCodes.OK) {
                code = ExitCodes.JOB_DEAD;
            }
        }
        if (json()) {
            out().println(Json.toString(raw.size() == 1 ? raw.get(0) : raw));
        }
        return code;
    }

    private void print(String id, WaitResult result, String timeout) {
        if (!result.finished()) {
            err().println("queuectl: " + id + " is still " + result.job().state().wireName() + " after " + timeout);
        } else if (result.job().state() == JobState.COMPLETED) {
            out().println(id + " completed");
        } else {
            out().println(id + " is dead: "
                    + (result.job().lastError() == null ? "-" : DisplayText.escape(result.job().lastError())));
        }
    }
}
