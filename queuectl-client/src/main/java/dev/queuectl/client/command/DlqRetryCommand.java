package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.CommandFailure;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.DlqRetryRequest;
import dev.queuectl.protocol.result.CountResult;
import dev.queuectl.protocol.result.JobView;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code queuectl dlq retry ID|--all}. */
public final class DlqRetryCommand extends DaemonCommand {
    private final PositionalParamSpec idParameter = parameter("0", "ID", "0..1", "The dead job's id.");

    private final OptionSpec allOption = flag("Every job in the dead-letter queue.", "--all");

    public DlqRetryCommand(ClientContext context) {
        super(context, "retry", "Move a dead job, or all of them, back to pending.",
                "Attempts start from 0 again; the history stays.");
    }

    @Override
    protected int run(SocketClient client) {
        String id = idParameter.getValue();
        boolean all = allOption.getValue();
        if (id == null && !all) {
            throw CommandFailure.usage("which job? give a dead job's ID, or --all (queuectl dlq retry ID|--all)");
        }
        if (id != null && all) {
            throw CommandFailure.usage("give either an ID or --all, not both");
        }
        DlqRetryRequest request;
        try {
            request = new DlqRetryRequest(id, all);
        } catch (ProtocolException e) {
            throw CommandFailure.usage(e.getMessage());
        }
        Object result = request(client, request);
        if (json()) {
            return printJson(result);
        }
        if (all) {
            long n = CountResult.fromJson(result).count();
            out().println("moved " + n + (n == 1 ? " job" : " jobs") + " from the dead-letter queue back to pending");
        } else {
            out().println(JobView.fromJson(result).id() + " is pending again");
        }
        return ExitCodes.OK;
    }
}
