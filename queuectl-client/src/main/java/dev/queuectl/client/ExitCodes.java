package dev.queuectl.client;

import dev.queuectl.protocol.ErrorCode;

/** The client's exit statuses; each daemon error code maps to exactly one. Listed in {@code --help}. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Anything else: a storage or internal error in the daemon, an unexpected answer. */
    public static final int ERROR = 1;
    /** Bad arguments, or a request the daemon refused as invalid. */
    public static final int USAGE = 2;
    public static final int NOT_FOUND = 3;
    /** Duplicate id, or the job's state does not allow the operation. */
    public static final int CONFLICT = 4;
    /** The daemon is not running, not reachable, shutting down, not answering, or refuses this user. */
    public static final int UNAVAILABLE = 5;
    /** {@code wait}: the job ended in the dead-letter queue. */
    public static final int JOB_DEAD = 6;
    /** {@code wait}: the job did not finish within --timeout. */
    public static final int WAIT_TIMEOUT = 7;

    /** The help text block listing every status. */
    public static final String[] HELP = {
        "Exit status:",
        "  0  success",
        "  1  error in the daemon (storage, internal)",
        "  2  usage error, or a request the daemon refused as invalid",
        "  3  no such job",
        "  4  conflict: duplicate id, or the job's state does not allow it",
        "  5  queuectld not running, unreachable, not answering, or refusing this user",
        "  6  wait: the job ended dead",
        "  7  wait: timed out before the job finished",
    };

    private ExitCodes() {
    }

    public static int of(ErrorCode code) {
        switch (code) {
            case MALFORMED_REQUEST:
            case REQUEST_TOO_LARGE:
            case UNKNOWN_OP:
            case INVALID_ARGUMENT:
                return USAGE;
            case NOT_FOUND:
                return NOT_FOUND;
            case DUPLICATE_ID:
            case INVALID_STATE:
                return CONFLICT;
            case PERMISSION_DENIED:
            case UNAUTHENTICATED:
            case UNAVAILABLE:
                return UNAVAILABLE;
            default:
                return ERROR;
        }
    }
}
