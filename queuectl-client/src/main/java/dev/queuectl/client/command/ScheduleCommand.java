package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.CommandFailure;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.render.DisplayText;
import dev.queuectl.client.render.ScheduleRenderer;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.Op;
import dev.queuectl.protocol.request.ScheduleActionRequest;
import dev.queuectl.protocol.request.ScheduleListRequest;
import dev.queuectl.protocol.result.ScheduleFired;
import dev.queuectl.protocol.result.ScheduleList;
import dev.queuectl.protocol.result.ScheduleView;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code queuectl schedule list|show|pause|resume|remove|run}: one class, the op decides. */
public final class ScheduleCommand extends DaemonCommand {
    private final Op op;
    private final PositionalParamSpec name;

    public ScheduleCommand(ClientContext context, Op op) {
        super(context, verb(op), summary(op));
        this.op = op;
        this.name = op == Op.SCHEDULE_LIST ? null : parameter("0", "NAME", "1", "The schedule.");
    }

    private static String verb(Op op) {
        return op.wireName().substring("schedule_".length());
    }

    private static String summary(Op op) {
        switch (op) {
            case SCHEDULE_LIST: return "Every schedule: next fire (local and UTC), last firing and its job.";
            case SCHEDULE_SHOW: return "A schedule in full: rule, job, catch-up and overlap, counts.";
            case SCHEDULE_PAUSE: return "Stop a schedule firing until resumed.";
            case SCHEDULE_RESUME: return "Fire again from the next fire time (missed ones are not made up).";
            case SCHEDULE_REMOVE: return "Delete a schedule; the jobs it enqueued stay.";
            default: return "Fire a schedule now, once, whatever its times and overlap rule.";
        }
    }

    @Override
    protected int run(SocketClient client) {
        Object result;
        try {
            result = request(client, op == Op.SCHEDULE_LIST ? new ScheduleListRequest()
                    : new ScheduleActionRequest(op, name.getValue()));
        } catch (ProtocolException e) {
            throw CommandFailure.usage(e.getMessage().replace("field 'name'", "NAME"));
        }
        if (json()) {
            return printJson(result);
        }
        switch (op) {
            case SCHEDULE_LIST:
                ScheduleRenderer.table(ScheduleList.fromJson(result).schedules(), display(), out());
                break;
            case SCHEDULE_SHOW:
                ScheduleRenderer.detail(ScheduleView.fromJson(result), context.clock().instant(), display(), out());
                break;
            case SCHEDULE_REMOVE:
                out().println("removed schedule " + DisplayText.escape(name.getValue()));
                break;
            case SCHEDULE_RUN:
                out().println(DisplayText.escape(ScheduleFired.fromJson(result).job()));
                break;
            default:
                ScheduleView v = ScheduleView.fromJson(result);
                out().println(DisplayText.escape(v.name()) + (v.paused() ? ": paused"
                        : ": next fire " + display().time(v.nextFire())));
                break;
        }
        return ExitCodes.OK;
    }
}
