package dev.queuectl.protocol;

import java.util.Locale;

/**
 * Why a pending or failed job is not running now. The set grows as the queue learns new ways to
 * hold a job back (queues paused or full, dependencies); a client that meets a reason it does not
 * know shows the message that comes with it.
 */
public enum WaitReason {
    /** Held by {@code queuectl hold}; not claimed until released. */
    HELD,
    /** Its {@code run_at} (a delay, or the next retry) has not come yet. */
    NOT_DUE,
    /** Due, and waiting for a worker to be free. */
    NO_FREE_WORKER,
    /** Due, but the pool takes no jobs ({@code queuectl worker stop}). */
    WORKERS_STOPPED,
    /** Due, but the daemon is shutting down and takes no more jobs. */
    SHUTTING_DOWN,
    /** A reason from a newer daemon than this client. */
    OTHER;

    private final String wire = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wire;
    }

    /** The reason of this wire name; {@link #OTHER} for names a newer daemon may send. */
    public static WaitReason fromWire(String name) {
        for (WaitReason r : values()) {
            if (r.wire.equals(name)) {
                return r;
            }
        }
        return OTHER;
    }
}
