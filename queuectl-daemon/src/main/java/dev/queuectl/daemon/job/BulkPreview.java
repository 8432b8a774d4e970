package dev.queuectl.daemon.job;

import java.util.List;
import java.util.Map;

/**
 * What a bulk action would do, read without changing anything: {@code count} jobs it would
 * change (the first of them in {@code sample}), those it would skip by {@link JobAction#skipKey},
 * and named ids that match no job.
 */
public record BulkPreview(long count, Map<String, Long> skipped, List<String> notFound, List<String> sample) {
}
