package dev.queuectl.daemon.store;

/**
 * A refusal or failure of a store operation, in domain terms. Subtypes say what happened; none
 * carries user-facing wording or an error code: the service maps them to both.
 */
public abstract class StoreException extends RuntimeException {
    protected StoreException(String message, Throwable cause) {
        super(message, cause, false, cause != null);
    }
}
