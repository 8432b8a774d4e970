package dev.queuectl.daemon.job;

import java.util.List;
import java.util.Map;

/**
 * One batch of a bulk action, applied in one transaction.
 *
 * @param changed  the jobs it changed (or deleted), as they were
 * @param skipped  jobs it left alone because of their state, by {@link JobAction#skipKey}
 * @param notFound named ids that match no job
 * @param next     where the next batch starts, or null when the action is complete
 */
public record BulkStep(List<JobRef> changed, Map<String, Long> skipped, List<String> notFound, BulkCursor next) {
}
