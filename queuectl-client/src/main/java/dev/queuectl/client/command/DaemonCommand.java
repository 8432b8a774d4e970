package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.CommandFailure;
import dev.queuectl.client.ExitCodes;
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
import java.util.concurrent.Callable;

/**
 * Base of every command that talks to queuectld: connects to the socket, sends requests, turns
 * error answers into a {@link CommandFailure} with the matching exit status, and prints
 * {@code --json} output.
 */
public abstract class DaemonCommand extends BaseCommand implements Callable<Integer> {
    protected final ClientContext context;

    protected DaemonCommand(ClientContext context, String name, String... description) {
        super(name, description);
        this.context = context;
    }

    @Override
    public final Integer call() {
        try (SocketClient client = SocketClient.connect(SocketLocator.locate(root().socket(), context.env()))) {
            return run(client);
        }
    }

    /** Does the command's work; returns its exit status. */
    protected abstract int run(SocketClient client);

    /** Sends one request; returns its raw JSON result, or throws the failure for an error answer. */
    protected Object request(SocketClient client, Request request) {
        return result(client.call(request));
    }

    protected static Object result(Codec.Response response) {
        if (!response.ok()) {
            throw new CommandFailure(ExitCodes.of(response.code()), response.message());
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

    /** The top-level command, which holds the options every command shares (--socket, --json). */
    private QueuectlCommand root() {
        return (QueuectlCommand) spec.root().userObject();
    }

    /** Lists jobs as a table, or as JSON with --json. */
    protected int listJobs(SocketClient client, String state, int limit, boolean newestFirst, String emptyMessage) {
        ListRequest request;
        try {
            request = new ListRequest(state == null ? null : JobState.parse(state), limit, newestFirst);
        } catch (ProtocolException e) {
            throw new CommandFailure(ExitCodes.USAGE, e.getMessage());
        }
        Object result = request(client, request);
        if (json()) {
            return printJson(result);
        }
        JobRenderer.table(JobList.fromJson(result), context.clock().instant(), out(), emptyMessage);
        return ExitCodes.OK;
    }

    /** Prints a protocol result unchanged, as one line of JSON. */
    protected int printJson(Object result) {
        out().println(Json.toString(result));
        return ExitCodes.OK;
    }
}
