package dev.queuectl.protocol;

/**
 * Every error the daemon can answer with. The set is closed: clients map each code to a fixed
 * exit code, so adding one is a protocol change.
 */
public enum ErrorCode {
    /** The line is not valid UTF-8 JSON, not an object, or nested too deeply. */
    MALFORMED_REQUEST,
    /** The line is longer than the daemon's request size limit. */
    REQUEST_TOO_LARGE,
    /** {@code op} is missing or names no operation this daemon knows. */
    UNKNOWN_OP,
    /** A field is unknown, missing, of the wrong type or out of range. */
    INVALID_ARGUMENT,
    /** No job has the given id. */
    NOT_FOUND,
    /** A job with the given id already exists; it was left untouched. */
    DUPLICATE_ID,
    /** The job's state does not allow the operation (for example retrying a job that is not dead). */
    INVALID_STATE,
    /** The connecting user may not use this daemon, or a read-only session tried to change something. */
    PERMISSION_DENIED,
    /** HTTP only: the request carries no valid session cookie or token (see {@code queuectl dashboard}). */
    UNAUTHENTICATED,
    /** The daemon cannot take the request now (shutting down, too many connections). */
    UNAVAILABLE,
    /** The store could not durably write (disk full, read-only, I/O error); nothing was changed. */
    STORAGE_ERROR,
    /** An unexpected failure inside the daemon; its log has the details. */
    INTERNAL;

    /** The code's name as it appears on the wire. */
    public String wireName() {
        return name();
    }

    /** Resolves a wire name; unknown names (from a newer daemon) map to {@link #INTERNAL}. */
    public static ErrorCode fromWire(String name) {
        for (ErrorCode c : values()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return INTERNAL;
    }
}
