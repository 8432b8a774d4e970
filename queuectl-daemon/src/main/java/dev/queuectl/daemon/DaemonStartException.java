package dev.queuectl.daemon;

/** The daemon cannot start; the message is the one line printed to the operator. */
public final class DaemonStartException extends RuntimeException {
    public DaemonStartException(String message) {
        super(message);
    }

    public DaemonStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
