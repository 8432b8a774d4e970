package dev.queuectl.daemon.job;

/**
 * Where a bulk action goes on: after the {@code after}-th id of a list of ids, or after seq
 * {@code after} of the jobs criteria match, up to seq {@code upTo} (the last job that existed when
 * the action began, so that it ends however fast jobs are enqueued). {@code upTo} is negative
 * until the store has fixed it.
 */
public record BulkCursor(long after, long upTo) {
    public static final BulkCursor START = new BulkCursor(0, -1);
}
