package dev.queuectl.daemon.server.http;

import dev.queuectl.daemon.service.RequestHandler;
import dev.queuectl.protocol.ErrorCode;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.LogsRequest;
import dev.queuectl.protocol.result.LogChunk;
import io.netty.util.concurrent.EventExecutor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * Streams a followed job's run output into its event stream through the service's own
 * {@code logs} operation: read from the offset reached so far while the run goes on, then, when
 * the job gets a newer run, that run from its start. One read per stream at a time; a read that
 * brought output is followed by the next at once while the client keeps up, and nothing is read
 * while it does not (its output waits in the file, not in memory). Hub tick thread only.
 */
final class LogFollower {
    private final RequestHandler service;
    private final EventExecutor ticker;

    LogFollower(RequestHandler service, EventExecutor ticker) {
        this.service = service;
        this.ticker = ticker;
    }

    void maybeRead(EventSubscriber s, boolean jobChanged) {
        if (jobChanged) {
            s.readAgain = true;
        }
        if (s.reading || !s.readAgain || !s.writable()) {
            return;
        }
        s.reading = true;
        s.readAgain = false;
        service.handle(new LogsRequest(s.follow, s.attempt, s.offset, false)).whenCompleteAsync((value, error) -> {
            s.reading = false;
            if (error != null) {
                failed(s, error);
            } else if (read(s, (LogChunk) value)) {
                maybeRead(s, false);
            }
        }, ticker);
    }

    /** Takes in one chunk; returns whether to read on at once (it brought output, or a newer run begins). */
    private static boolean read(EventSubscriber s, LogChunk c) {
        if (c.runs() == 0) {
            return false; // no run yet: read again when the job changes
        }
        boolean ended = !c.running() && c.data().isEmpty();
        if (ended && c.runs() > c.attempt()) {
            s.attempt = c.runs(); // a newer run: follow it from its start
            s.offset = 0;
            s.endSent = false;
            s.readAgain = true;
            return true;
        }
        s.attempt = c.attempt();
        s.offset = c.nextOffset();
        s.readAgain = c.running() || !c.data().isEmpty();
        // Output is sent as it comes; the end of a run's output once, as an empty chunk of a run
        // that is no longer running.
        if (!c.data().isEmpty() || (ended && !s.endSent)) {
            s.endSent = ended;
            s.sendOutput(SseMessage.unnumbered("log", c).bytes());
        }
        return !c.data().isEmpty();
    }

    private static void failed(EventSubscriber s, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof ProtocolException) {
            ProtocolException pe = (ProtocolException) cause;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.follow);
            m.put("code", pe.code().wireName());
            m.put("message", pe.getMessage());
            s.send(SseMessage.unnumbered("log-error", m).bytes());
            s.readAgain = pe.code() != ErrorCode.NOT_FOUND && pe.code() != ErrorCode.INVALID_ARGUMENT;
            return;
        }
        s.readAgain = true;
    }
}
