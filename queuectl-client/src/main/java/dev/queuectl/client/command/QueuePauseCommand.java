package dev.queuectl.client.command;

import dev.queuectl.client.CommandFailure;
import dev.queuectl.client.ClientContext;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.render.DisplayText;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.QueuePauseRequest;
import dev.queuectl.protocol.request.QueueResumeRequest;
import dev.queuectl.protocol.result.QueueList;
import dev.queuectl.protocol.result.QueueView;
import java.util.List;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code queuectl queue pause NAME...} and {@code queuectl queue resume NAME...}. */
public final class QueuePauseCommand extends DaemonCommand {
    private final boolean pause;
    private final PositionalParamSpec names = remainingParameters("NAME", "The queues (all of them, or none if one"
            + " does not exist).");

    public QueuePauseCommand(ClientContext context, boolean pause) {
        super(context, pause ? "pause" : "resume", pause
                ? "Stop taking jobs from queues; running ones finish, others go on."
                : "Take jobs from paused queues again.");
        this.pause = pause;
    }

    @Override
    protected int run(SocketClient client) {
        List<String> given = names.getValue();
        if (given == null || given.isEmpty()) {
            throw CommandFailure.usage("which queue? (queuectl queue " + (pause ? "pause" : "resume") + " NAME...)");
        }
        Object result;
        try {
            result = request(client, pause ? new QueuePauseRequest(given) : new QueueResumeRequest(given));
        } catch (ProtocolException e) {
            throw CommandFailure.usage(e.getMessage().replace("field 'names'", "NAME"));
        }
        if (json()) {
            return printJson(result);
        }
        for (QueueView q : QueueList.fromJson(result).queues()) {
            long waiting = q.jobs().values().stream().mapToLong(Long::longValue).sum();
            out().println(DisplayText.escape(q.name()) + (pause ? " paused" : " resumed") + " (" + waiting
                    + (waiting == 1 ? " job" : " jobs") + ")");
        }
        return ExitCodes.OK;
    }
}
