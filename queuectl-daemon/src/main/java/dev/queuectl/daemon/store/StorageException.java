package dev.queuectl.daemon.store;

/**
 * The store could not carry out the operation; nothing was changed. {@link #kind()} says why in
 * terms a person can act on, {@link #detail()} is the backend's own description.
 */
public final class StorageException extends StoreException {
    /** Why the store failed. */
    public enum Kind {
        /** The disk holding the store is full. */
        DISK_FULL,
        /** The store is read-only (mount, permissions). */
        READ_ONLY,
        /** A write failed for another reason (I/O error, lost connection, ...). */
        WRITE_FAILED,
        /** A read failed. */
        READ_FAILED,
        /** The store is closed or not reachable now. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String detail;

    public StorageException(Kind kind, String detail, Throwable cause) {
        super(kind + ": " + detail, cause);
        this.kind = kind;
        this.detail = detail;
    }

    public Kind kind() {
        return kind;
    }

    public String detail() {
        return detail;
    }
}
