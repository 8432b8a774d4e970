package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.CommandFailure;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.json.Json;
import dev.queuectl.protocol.request.LogsRequest;
import dev.queuectl.protocol.result.LogChunk;
import java.io.PrintWriter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code queuectl logs ID [--attempt N] [--follow]}. Output is printed raw, as {@code cat} would.
 * With {@code --json}: one document holding the whole output read (the protocol's logs result,
 * with {@code offset} where it starts and {@code next_offset} where it ends); with
 * {@code --follow --json}, a stream of such documents, one JSON line per chunk as it arrives.
 */
public final class LogsCommand extends DaemonCommand {
    private final PositionalParamSpec idParameter = parameter("0", "ID", "1", "The job's id.");

    private final OptionSpec attempt = option("N", Integer.class, "Which run (1 is the first; default: the latest).",
            "--attempt");

    private final OptionSpec followOption = flag("Keep printing while the run goes on; stop when it ends.",
            "-f", "--follow");

    public LogsCommand(ClientContext context) {
        super(context, "logs",
                "Print a run's output, by default the latest run's.",
                "The output is stdout and stderr as they were written, printed as is. Each run keeps at most the"
                        + " daemon's output-limit (1MiB by default): the end of the output.",
                "With --json: one JSON document holding all of the output; with --follow --json, one JSON line"
                        + " per chunk as it arrives (JSON lines).");
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
        boolean first = true;
        boolean json = json();
        LogChunk whole = null;
        StringBuilder data = json && !follow ? new StringBuilder() : null;
        PrintWriter out = out();
        while (true) {
            LogsRequest request;
            try {
                request = new LogsRequest(id, which, offset, follow && !first);
            } catch (ProtocolException e) {
                throw CommandFailure.usage(e.getMessage());
            }
            Object raw = request(client, request);
            LogChunk chunk = LogChunk.fromJson(raw);
            if (json && follow) {
                out.println(Json.toString(raw));
                out.flush();
            } else if (json) {
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
            if (!more && (!follow || !chunk.running())) {
                if (json && !follow) {
                    printJson(new LogChunk(whole.id(), chunk.attempt(), chunk.runs(), whole.offset(), chunk.nextOffset(),
                            whole.dropped(), chunk.running(), data.toString()).toJson());
                }
                return ExitCodes.OK;
            }
        }
    }
}
