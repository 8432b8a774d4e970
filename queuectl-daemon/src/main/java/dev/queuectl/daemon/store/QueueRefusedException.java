package dev.queuectl.daemon.store;

/**
 * A queue operation was refused; nothing was changed. {@link #reason} says why: the queue does
 * not exist, already exists, or still has jobs ({@link #jobs} of them).
 */
public final class QueueRefusedException extends StoreException {
    /** Why a queue operation was refused. */
    public enum Reason { NOT_FOUND, EXISTS, NOT_EMPTY }

    private final String queue;
    private final Reason reason;
    private final long jobs;

    public QueueRefusedException(String queue, Reason reason, long jobs) {
        super("queue " + queue + ": " + reason, null);
        this.queue = queue;
        this.reason = reason;
        this.jobs = jobs;
    }

    public String queue() {
        return queue;
    }

    public Reason reason() {
        return reason;
    }

    /** Jobs the queue still has (for {@link Reason#NOT_EMPTY}). */
    public long jobs() {
        return jobs;
    }
}
