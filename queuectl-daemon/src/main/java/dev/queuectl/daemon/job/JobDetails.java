package dev.queuectl.daemon.job;

import java.util.List;

/** A job with its whole history, one attempt per run, oldest first. */
public record JobDetails(Job job, List<Attempt> history) {
}
