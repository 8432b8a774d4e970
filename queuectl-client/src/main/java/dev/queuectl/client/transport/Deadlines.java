package dev.queuectl.client.transport;

import java.time.Duration;

/**
 * How long the client waits for queuectld, so that a stopped or hung daemon never makes a command
 * hang: connecting may take {@code connect}; an answer that has not come after {@code probeAfter}
 * makes the client check, on a second connection, that the daemon answers a {@code status}
 * within {@code probeReply} (and again every {@code probeAfter} while it waits); requests that
 * are not meant to wait must be answered within {@code reply}. Immutable.
 *
 * @param connect    the longest a connection may take to be accepted
 * @param probeAfter how long an answer may take before the daemon's liveness is checked
 * @param probeReply how long the liveness check may take to be answered
 * @param reply      the longest an ordinary request (not wait, drain, logs --follow, ...) may take
 */
public record Deadlines(Duration connect, Duration probeAfter, Duration probeReply, Duration reply) {
    /** The values documented in the README: 5s, 5s, 5s, 30s. */
    public static final Deadlines DEFAULT = new Deadlines(Duration.ofSeconds(5), Duration.ofSeconds(5),
            Duration.ofSeconds(5), Duration.ofSeconds(30));
}
