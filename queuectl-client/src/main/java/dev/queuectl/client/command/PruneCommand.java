package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.CommandFailure;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.TimeRules;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.PruneRequest;
import dev.queuectl.protocol.result.CountResult;
import java.time.Duration;
import picocli.CommandLine.Model.OptionSpec;

/** {@code queuectl prune [--completed] [--dead] [--older-than D]}. */
public final class PruneCommand extends DaemonCommand {
    private final OptionSpec completedOption = flag("Prune completed jobs.", "--completed");

    private final OptionSpec deadOption = flag("Prune dead jobs (the dead-letter queue).", "--dead");

    private final OptionSpec olderThanOption = option("DURATION", String.class,
            "Only jobs that finished more than this long ago: " + TimeRules.PRUNE_AGE.range()
                    + " (12h, 7d; 0 for all).", "--older-than");

    public PruneCommand(ClientContext context) {
        super(context, "prune",
                "Delete finished jobs now, with their history and output.",
                "Without --older-than each state keeps its configured retention (keep_completed, 7d by default;"
                        + " keep_dead, none by default); the daemon also does this by itself every hour.",
                "With neither --completed nor --dead: both.");
    }

    @Override
    protected int run(SocketClient client) {
        boolean completed = completedOption.getValue();
        boolean dead = deadOption.getValue();
        String olderThan = olderThanOption.getValue();
        boolean both = !completed && !dead;
        PruneRequest request;
        try {
            Duration age = olderThan == null ? null : TimeRules.PRUNE_AGE.parse("--older-than", olderThan);
            request = new PruneRequest(completed || both, dead || both, age);
        } catch (ProtocolException e) {
            throw CommandFailure.usage(e.getMessage());
        }
        // Deleting many jobs takes a while: no fixed limit, but a daemon that stops answering is noticed.
        Object result = waitingRequest(client, request, null);
        if (json()) {
            return printJson(result);
        }
        long n = CountResult.fromJson(result).count();
        out().println("deleted " + n + (n == 1 ? " finished job" : " finished jobs"));
        return ExitCodes.OK;
    }
}
