package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.CommandFailure;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.JobSpec;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.LogsRequest;
import dev.queuectl.protocol.result.LogChunk;
import java.io.PrintWriter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code queuectl logs ID [--attempt N] [--follow]}. Output is printed raw, as {@code cat} would.
 * With {@code --json}: one document holding the whole output read (the protocol's logs result,
 * with {@code offset} where it starts and {@code next_offset} where it ends). {@code --follow}
 * follows the job run after run ({@link LogFollower}); with {@code --json} it is a stream of
 * such documents, one JSON line per answer as it arrives.
 */
public final class LogsCommand extends DaemonCommand {
    private final PositionalParamSpec idParameter = parameter("0", "ID", "1", "The job's id.");

    private final OptionSpec attempt = option("N", Integer.class, "Which run (1 is the first; default: the latest).",
            "--attempt");

    private final OptionSpec followOption = flag("Keep printing as the job runs: wait for its first run if it has"
            + " not started, go on to its later runs (retries), each after a header line on stderr, and stop when"
            + " the job is completed or dead (with --attempt: when that run ends). Exit status 5 if a drain"
            + " interrupts the run.", "-f", "--follow");

    public LogsCommand(ClientContext context) {
        super(context, "logs",
                "Print a run's output, by default the latest run's.",
                "The output is stdout and stderr as they were written, printed as is. Each run keeps at most the"
                        + " daemon's output-limit (1MiB by default): the end of the output.",
                "With --json: one JSON document holding all of the output; with --follow --json, one JSON line"
                        + " per answer from the daemon as it arrives (JSON lines).");
    }

    @Override
    protected int run(SocketClient client) {
        long offset = 0;
        String id = idParameter.getValue();
        boolean follow = followOption.getValue();
        Integer which = attempt.getValue();
        if (which != null && which < 1) {
            throw CommandFailure.usage("--attempt must be 1 or more, not " + which);
        }
        if (follow) {
            try {
                JobSpec.validateId(id);
            } catch (ProtocolException e) {
                throw CommandFailure.usage(e.getMessage());
            }
            return new LogFollower(this, client).follow(id, which);
        }
        boolean first = true;
        boolean json = json();
        LogChunk whole = null;
        StringBuilder data = json ? new StringBuilder() : null;
        PrintWriter out = out();
        while (true) {
            LogsRequest request;
            try {
                request = new LogsRequest(id, which, offset, false);
            } catch (ProtocolException e) {
                throw CommandFailure.usage(e.getMessage());
            }
            Object raw = request(client, request);
            LogChunk chunk = LogChunk.fromJson(raw);
            if (json) {
                whole = whole == null ? chunk : whole;
                data.append(chunk.data() == null ? "" : chunk.data());
            } else {
                if (chunk.runs() == 0) {
                    err().println("queuectl: " + id + " has not run yet");
                    return ExitCodes.OK;
                }
                if (first && chunk.dropped() > 0 && chunk.offset() == chunk.dropped()) {
                    err().println("[queuectl: the first " + chunk.dropped()
                            + " bytes of this run's output were dropped to respect the output limit]");
                }
                out.print(chunk.data());
                out.flush();
            }
            first = false;
            which = chunk.attempt();
            boolean more = chunk.nextOffset() > chunk.offset();
            offset = chunk.nextOffset();
            if (!more) {
                if (json) {
                    printJson(new LogChunk(whole.id(), chunk.attempt(), chunk.runs(), whole.offset(), chunk.nextOffset(),
                            whole.dropped(), chunk.running(), data.toString(), chunk.state(), chunk.outcome()).toJson());
                }
                return ExitCodes.OK;
            }
        }
    }
}
