package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.CommandFailure;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.render.JobRenderer;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.json.Json;
import dev.queuectl.protocol.request.ShowRequest;
import dev.queuectl.protocol.result.JobView;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code queuectl show ID...}: every field of each job and the history of its runs. With several
 * ids, {@code --json} prints an array of the jobs; an id that names no job fails the command.
 */
public final class ShowCommand extends DaemonCommand {
    private final PositionalParamSpec ids = remainingParameters("ID", "The jobs' ids.");

    private final OptionSpec showEnv = flag("Show the values of the job's environment variables (they may be"
            + " secrets; by default only their names are shown).", "--show-env");

    public ShowCommand(ClientContext context) {
        super(context, "show", "Show every field of jobs and the history of their runs.",
                "A pending or failed job says why it is not running (held, not due yet, waiting for a worker)."
                        + " Environment values are shown with --show-env only.");
    }

    @Override
    protected int run(SocketClient client) {
        List<String> given = ids.getValue();
        if (given == null || given.isEmpty()) {
            throw CommandFailure.usage("which job? (queuectl show ID...)");
        }
        List<ShowRequest> requests = new ArrayList<>();
        try {
            for (String id : given) {
                requests.add(new ShowRequest(id, showEnv.getValue()));
            }
        } catch (ProtocolException e) {
            throw CommandFailure.usage(e.getMessage());
        }
        List<Object> results = new ArrayList<>();
        for (ShowRequest r : requests) {
            results.add(request(client, r));
        }
        if (json()) {
            out().println(Json.toString(results.size() == 1 ? results.get(0) : results));
            return ExitCodes.OK;
        }
        for (int i = 0; i < results.size(); i++) {
            if (i > 0) {
                out().println();
            }
            JobRenderer.detail(JobView.fromJson(results.get(i)), context.clock().instant(), display(), out());
        }
        return ExitCodes.OK;
    }
}
