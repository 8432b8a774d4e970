package dev.queuectl.daemon.store;

/**
 * A run the store still shows as in progress, found at start-up after a crash. The process
 * fields are null when the daemon died before recording them.
 */
public record InProgressRun(long seq, String id, int attempt, Integer pid, Integer pgid, Long procStart,
                            String bootId) {
}
