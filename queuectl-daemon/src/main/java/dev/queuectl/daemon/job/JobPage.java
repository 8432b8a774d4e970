package dev.queuectl.daemon.job;

import java.util.List;

/** Some jobs of a listing, and how many jobs match the listing in all. */
public record JobPage(List<Job> jobs, long total) {
}
