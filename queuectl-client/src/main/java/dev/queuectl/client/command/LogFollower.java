package dev.queuectl.client.command;

import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.JobState;
import dev.queuectl.protocol.json.Json;
import dev.queuectl.protocol.request.LogsRequest;
import dev.queuectl.protocol.result.LogChunk;
import java.io.PrintWriter;

/**
 * {@code queuectl logs --follow}: streams a job's output run after run. It waits for the job's
 * first run if it has not started, goes on to each later run (retries; a run a crash
 * interrupted), introduced by a header line on stderr, and ends when the job is completed or dead
 * (or, with {@code --attempt}, when that run ends). If a drain interrupts the run it is following,
 * it says so and exits 5. Each request waits in the daemon (about ten seconds at most), so there
 * is no polling here; meanwhile the client checks that the daemon still answers, as for every
 * request that waits on purpose. With {@code --json} it prints every answer as one JSON line.
 */
final class LogFollower {
    private final LogsCommand command;
    private final SocketClient client;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    LogFollower(LogsCommand command, SocketClient client) {
        this.command = command;
        this.client = client;
        this.out = command.out();
        this.err = command.err();
        this.json = command.json();
    }

    /** Follows job {@code id} from run {@code asked} (null: the latest, or the first to come); returns the status. */
    int follow(String id, Integer asked) {
        Integer attempt = asked;
        long offset = 0;
        int header = 0;
        boolean sawRunning = false;
        while (true) {
            Object raw = command.waitingRequest(client, new LogsRequest(id, attempt, offset, true), null);
            LogChunk chunk = LogChunk.fromJson(raw);
            if (json) {
                out.println(Json.toString(raw));
                out.flush();
            }
            if (chunk.state() == null) {
                return oldDaemon(chunk, raw);
            }
            if (chunk.notStarted()) {
                if (isFinal(chunk.state())) {
                    note(id + " is " + chunk.state().wireName()
                            + (chunk.runs() == 0 ? " and never ran" : "; it has no run " + chunk.attempt()));
                    return ExitCodes.OK;
                }
                attempt = chunk.attempt();
                continue;
            }
            attempt = chunk.attempt();
            if (!json) {
                if (header != attempt) {
                    err.println("==> " + id + ": run " + attempt + " <==");
                    err.flush();
                    header = attempt;
                    if (chunk.dropped() > 0 && chunk.offset() == chunk.dropped()) {
                        err.println("[queuectl: the first " + chunk.dropped()
                                + " bytes of this run's output were dropped to respect the output limit]");
                    }
                }
                out.print(chunk.data());
                out.flush();
            }
            sawRunning |= chunk.running();
            boolean more = chunk.nextOffset() > chunk.offset();
            offset = chunk.nextOffset();
            if (more || chunk.running() || chunk.outcome() == null && chunk.state() == JobState.PROCESSING) {
                continue; // more to read, or a run claimed a moment ago that is not running yet
            }
            if ("interrupted".equals(chunk.outcome()) && sawRunning) {
                err.println("queuectl: run " + attempt + " of " + id + " was interrupted: queuectld is shutting down;"
                        + " the job will run again when queuectld is back");
                return ExitCodes.UNAVAILABLE;
            }
            if (asked != null || isFinal(chunk.state()) && attempt >= chunk.runs()) {
                return ExitCodes.OK;
            }
            attempt = attempt + 1;
            offset = 0;
            sawRunning = false;
        }
    }

    /** A daemon before protocol 3 cannot wait for runs: follow the one run it has, as before. */
    private int oldDaemon(LogChunk first, Object raw) {
        LogChunk chunk = first;
        long offset = 0;
        while (true) {
            if (chunk.runs() == 0) {
                note(chunk.id() + " has not run yet");
                return ExitCodes.OK;
            }
            if (!json) {
                out.print(chunk.data());
                out.flush();
            }
            boolean more = chunk.nextOffset() > chunk.offset();
            offset = chunk.nextOffset();
            if (!more && !chunk.running()) {
                return ExitCodes.OK;
            }
            LogsRequest request = new LogsRequest(chunk.id(), chunk.attempt(), offset, true);
            Object next = command.waitingRequest(client, request, null);
            chunk = LogChunk.fromJson(next);
            if (json) {
                out.println(Json.toString(next));
                out.flush();
            }
        }
    }

    private void note(String message) {
        if (!json) {
            err.println("queuectl: " + message);
        }
    }

    private static boolean isFinal(JobState state) {
        return state == JobState.COMPLETED || state == JobState.DEAD;
    }
}
