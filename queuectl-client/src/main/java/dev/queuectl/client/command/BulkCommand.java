package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.CommandFailure;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.render.BulkRenderer;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.JobSelection;
import dev.queuectl.protocol.JobSpec;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.Request;
import dev.queuectl.protocol.result.BulkResult;
import java.util.List;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A command that acts on jobs named by id, or on every job some filters (or {@code --all}) match,
 * with {@code --dry-run} to see what would change. One id gives the answer of the first protocol
 * versions (the job, or an error if its state does not allow the action); several ids or filters
 * give a count of the jobs changed and of those skipped. Exit status with ids: 3 if one was not
 * found, else 4 if one was skipped because of its state; with filters, 0.
 */
abstract class BulkCommand extends DaemonCommand {
    private final PositionalParamSpec ids = remainingParameters("ID", "The jobs' ids.");
    private final FilterOptions filters;
    private final OptionSpec all;
    private final OptionSpec dryRun = flag("Print how many jobs would change and the first of them; change nothing.",
            "--dry-run");
    private final String done;
    private final String todo;
    /** For messages: whose id is wanted ("a dead job's"), and which filters there are. */
    private final String whose;
    private final String filterNames;

    /**
     * @param done       what happened, "{}" standing for the jobs ("cancelled {}")
     * @param todo       what would happen, after "would" ("cancel {}")
     * @param allHelp    what --all means for this command
     * @param withState  whether --state is offered (the DLQ's commands act on dead jobs only)
     */
    BulkCommand(ClientContext context, String name, String done, String todo, String allHelp, boolean withState,
                String... description) {
        super(context, name, description);
        this.done = done;
        this.todo = todo;
        this.filters = new FilterOptions(this, withState);
        this.all = flag(allHelp, "--all");
        this.whose = withState ? "a job's" : "a dead job's";
        this.filterNames = (withState ? "--state, " : "") + "--label, --search, --since, --until";
    }

    /** The request for the selected jobs. */
    protected abstract Request request(JobSelection selection);

    /** Prints the answer about one job (the first protocol's form). */
    protected abstract void printOne(Object result);

    @Override
    protected final int run(SocketClient client) {
        JobSelection selection = selection();
        Request request;
        try {
            request = request(selection);
        } catch (ProtocolException e) {
            throw CommandFailure.usage(e.getMessage());
        }
        // Waits as long as the action takes (a running job is stopped, many jobs go in batches),
        // while the daemon's liveness is checked.
        Object result = waitingRequest(client, request, null);
        if (json()) {
            printJson(result);
        } else if (selection.single()) {
            printOne(result);
            return ExitCodes.OK;
        }
        BulkResult r = BulkResult.fromJson(result);
        if (!json()) {
            BulkRenderer.print(r, done, todo, out());
        }
        if (selection.named() == null || r.dryRun()) {
            return ExitCodes.OK;
        }
        return !r.notFound().isEmpty() ? ExitCodes.NOT_FOUND : r.skipped() > 0 ? ExitCodes.CONFLICT : ExitCodes.OK;
    }

    private JobSelection selection() {
        List<String> given = ids.getValue();
        boolean named = given != null && !given.isEmpty();
        boolean filtered = filters.given();
        boolean everything = all.getValue();
        boolean dry = dryRun.getValue();
        if (named && everything) {
            throw CommandFailure.usage("give either an ID or --all, not both");
        }
        if (named && filtered) {
            throw CommandFailure.usage("give either ids or filters (" + filterNames + "), not both");
        }
        if (filtered && everything) {
            throw CommandFailure.usage("--all means every job; leave it out when giving filters");
        }
        try {
            if (named) {
                for (String id : given) {
                    JobSpec.validateId(id);
                }
                return given.size() == 1 && !dry ? JobSelection.one(given.get(0)) : JobSelection.of(given, dry);
            }
            if (everything) {
                return new JobSelection(null, null, null, true, dry);
            }
            if (!filtered) {
                throw CommandFailure.usage("which job? give " + whose + " ID, or --all, or filters (" + filterNames
                        + ")");
            }
            return JobSelection.matching(filters.filter(context.clock().instant(), context.displayZone()), dry);
        } catch (ProtocolException e) {
            throw CommandFailure.usage(e.getMessage());
        }
    }
}
