package dev.queuectl.daemon.store;

/** The store cannot be opened; the message says why and what to do, for the start-up error line. */
public final class StoreOpenException extends RuntimeException {
    public StoreOpenException(String message, Throwable cause) {
        super(message, cause);
    }
}
