package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.CommandFailure;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.render.JobRenderer;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.JobFilter;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.ListRequest;
import dev.queuectl.protocol.result.JobList;
import dev.queuectl.protocol.result.JobView;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code queuectl list}: jobs in enqueue order, filtered, a page at a time. {@code --json} prints
 * the daemon's answer to one request (its {@code next} is the cursor of the following page); the
 * table asks again while the daemon ended a page early, until {@code --limit} jobs are shown.
 */
public final class ListCommand extends DaemonCommand {
    private final FilterOptions filters = new FilterOptions(this, true);

    private final OptionSpec limit = optionWithDefault("N", int.class, "100",
            "Show at most N jobs (1-10000, default ${DEFAULT-VALUE}).", "--limit");

    private final OptionSpec newest = flag("Newest first.", "--newest");

    private final OptionSpec cursor = option("CURSOR", String.class,
            "Start where the previous page ended (the cursor it printed, or its \"next\" in --json).", "--cursor");

    public ListCommand(ClientContext context) {
        super(context, "list",
                "List jobs in enqueue order, oldest first (--newest reverses it).",
                "States: pending, processing, completed, failed (waiting to retry), dead (the DLQ).",
                "Filters combine (all must hold). A pending or failed job's state says why it waits.");
    }

    @Override
    protected int run(SocketClient client) {
        JobFilter filter = filters.filter(context.clock().instant(), context.displayZone());
        int max = limit.getValue();
        if (max < 1 || max > ListRequest.MAX_LIMIT) {
            throw CommandFailure.usage("--limit must be from 1 to " + ListRequest.MAX_LIMIT + ", not " + max);
        }
        boolean newestFirst = newest.getValue();
        ListRequest request;
        try {
            request = new ListRequest(filter, max, newestFirst, cursor.getValue());
        } catch (ProtocolException e) {
            throw CommandFailure.usage(e.getMessage());
        }
        Object result = request(client, request);
        if (json()) {
            return printJson(result);
        }
        JobList page = JobList.fromJson(result);
        List<JobView> jobs = new ArrayList<>(page.jobs());
        String next = page.next();
        while (next != null && jobs.size() < max) {
            JobList more = JobList.fromJson(request(client, new ListRequest(filter, max - jobs.size(), newestFirst,
                    next)));
            jobs.addAll(more.jobs());
            next = more.next();
        }
        String none = filter.isEmpty() ? "no jobs" : filter.states().size() == 1 && filter.labels().isEmpty()
                && filter.search() == null && filter.since() == null && filter.until() == null
                ? "no jobs in state " + filter.states().iterator().next().wireName() : "no jobs match";
        JobRenderer.table(new JobList(jobs, page.total(), next), context.clock().instant(), display(), out(), none);
        if (next != null) {
            out().println("(more: add --cursor " + next + ")");
        }
        return ExitCodes.OK;
    }
}
