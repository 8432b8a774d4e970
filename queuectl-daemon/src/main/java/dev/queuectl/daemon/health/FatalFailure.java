package dev.queuectl.daemon.health;

import java.time.Instant;

/**
 * Why the daemon stopped itself: a loop met a failure it could not carry on from.
 *
 * @param loop  the loop that failed
 * @param jobId the job its turn was about, or null
 * @param cause what it threw
 */
public record FatalFailure(String loop, String jobId, Instant at, Throwable cause) {
    /** One line for the log and for an embedder's error message. */
    public String describe() {
        return loop + " loop failed" + (jobId == null ? "" : " on job " + jobId) + ": " + cause;
    }
}
