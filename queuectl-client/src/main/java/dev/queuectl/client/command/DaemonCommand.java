package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.CommandFailure;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.render.Display;
import dev.queuectl.client.render.JobRenderer;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.client.transport.SocketLocator;
import dev.queuectl.protocol.Codec;
import dev.queuectl.protocol.JobState;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.json.Json;
import dev.queuectl.protocol.request.ListRequest;
import dev.queuectl.protocol.request.Request;
import dev.queuectl.protocol.result.JobList;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

/**
 * Base of every command that talks to queuectld: connects to the socket, sends requests, turns
 * error answers into a {@link CommandFailure} with the matching exit status, and prints
 * {@code --json} output: one JSON document per command (streaming commands print one per line).
 */
public abstract class DaemonCommand extends BaseCommand implements Callable<Integer> {
    protected final ClientContext context;

    protected DaemonCommand(ClientContext context, String name, String... description) {
        super(name, description);
        this.context = context;
    }

    @Override
    public final Integer call() {
        // Connected on the first request: a command checks its arguments before it needs the daemon.
        try (SocketClient client = SocketClient.onFirstRequest(SocketLocator.locate(root().socket(), context.env()),
                context.deadlines())) {
            return run(client);
        }
    }

    /** Does the command's work; returns its exit status. */
    protected abstract int run(SocketClient client);

    /** Sends one ordinary request; returns its raw JSON result, or throws the failure for an error answer. */
    protected Object request(SocketClient client, Request request) {
        return result(client.call(request));
    }

    /**
     * Sends a request that waits on purpose (wait, drain, cancel, ...): its answer may take up to
     * {@code limit} (null: as long as it takes), while the daemon's liveness is checked.
     */
    protected Object waitingRequest(SocketClient client, Request request, Duration limit) {
        return result(client.call(request, limit));
    }

    protected static Object result(Codec.Response response) {
        if (!response.ok()) {
            throw new CommandFailure(response.code(), response.message());
        }
        return response.result();
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    protected boolean json() {
        return root().json();
    }

    /** How human output shows times (local zone, or UTC with --utc) and fits the terminal. */
    protected Display display() {
        return new Display(root().utc() ? ZoneOffset.UTC : context.zone(), context.env());
    }

    /** The top-level command, which holds the options every command shares (--socket, --json, --utc). */
    private QueuectlCommand root() {
        return (QueuectlCommand) spec.root().userObject();
    }

    /** Lists jobs as a table, or as JSON with --json. */
    protected int listJobs(SocketClient client, String state, int limit, boolean newestFirst, String emptyMessage) {
        if (limit < 1 || limit > ListRequest.MAX_LIMIT) {
            throw CommandFailure.usage("--limit must be from 1 to " + ListRequest.MAX_LIMIT + ", not " + limit);
        }
        ListRequest request;
        try {
            request = new ListRequest(state == null ? null : JobState.parse(state), limit, newestFirst);
        } catch (ProtocolException e) {
            throw CommandFailure.usage("--state: " + e.getMessage());
        }
        Object result = request(client, request);
        if (json()) {
            return printJson(result);
        }
        JobRenderer.table(JobList.fromJson(result), context.clock().instant(), display(), out(), emptyMessage);
        return ExitCodes.OK;
    }

    /** Prints a protocol result unchanged, as one line of JSON. */
    protected int printJson(Object result) {
        out().println(Json.toString(result));
        return ExitCodes.OK;
    }
}
