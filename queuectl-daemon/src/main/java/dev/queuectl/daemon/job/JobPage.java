package dev.queuectl.daemon.job;

import java.util.List;

/**
 * Some jobs of a listing. {@code total} is how many match in all, when the store knows it without
 * counting matches one by one, else null. {@code next} is the seq a following page starts after
 * (before, newest first), null when the listing is complete.
 */
public record JobPage(List<Job> jobs, Long total, Long next) {
}
