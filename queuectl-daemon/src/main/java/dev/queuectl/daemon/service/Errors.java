package dev.queuectl.daemon.service;

import dev.queuectl.daemon.store.DuplicateJobException;
import dev.queuectl.daemon.store.IllegalTransitionException;
import dev.queuectl.daemon.store.JobChangedException;
import dev.queuectl.daemon.store.JobNotFoundException;
import dev.queuectl.daemon.store.StorageException;
import dev.queuectl.protocol.ErrorCode;
import dev.queuectl.protocol.ProtocolException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wording and error code of every refusal: domain exceptions from the store and the engine
 * become {@link ProtocolException}s here, and nowhere else. Thread-safe.
 */
public final class Errors {
    private static final Logger log = LoggerFactory.getLogger(Errors.class);

    private Errors() {
    }

    /** The cause inside a future's completion exception. */
    public static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    /** What the client is told; state refusals get a generic sentence (handlers word their own). */
    public static ProtocolException toProtocol(Throwable failure) {
        return toProtocol(failure, e -> "job '" + e.id() + "' is " + e.current().key()
                + "; the operation is not allowed in that state");
    }

    /** What the client is told, with the handler's own wording for a refused state. */
    public static ProtocolException toProtocol(Throwable failure, Function<IllegalTransitionException, String> refusal) {
        Throwable t = unwrap(failure);
        if (t instanceof ProtocolException) {
            return (ProtocolException) t;
        }
        if (t instanceof DuplicateJobException) {
            DuplicateJobException d = (DuplicateJobException) t;
            String message = "a job with id '" + d.id() + "' already exists"
                    + (d.existingState() == null ? "" : " (state " + d.existingState().key() + ")")
                    + "; it was left untouched — choose another id";
            if (d.batchIndex() >= 0) {
                message = "jobs[" + d.batchIndex() + "]: " + message + "; none of the batch was enqueued";
            }
            return new ProtocolException(ErrorCode.DUPLICATE_ID, message);
        }
        if (t instanceof JobNotFoundException) {
            return ProtocolException.notFound(((JobNotFoundException) t).id());
        }
        if (t instanceof IllegalTransitionException) {
            return new ProtocolException(ErrorCode.INVALID_STATE, refusal.apply((IllegalTransitionException) t));
        }
        if (t instanceof JobChangedException) {
            return new ProtocolException(ErrorCode.INVALID_STATE, "job '" + ((JobChangedException) t).id()
                    + "' kept changing while it was being edited; nothing was changed — try again");
        }
        if (t instanceof StorageException) {
            return storage((StorageException) t);
        }
        log.error("request failed unexpectedly", t);
        return new ProtocolException(ErrorCode.INTERNAL, "internal error (" + t.getClass().getSimpleName()
                + "); the daemon log has the details");
    }

    private static ProtocolException storage(StorageException e) {
        switch (e.kind()) {
            case DISK_FULL:
                return new ProtocolException(ErrorCode.STORAGE_ERROR,
                        "the store could not write: the disk holding the data dir is full; nothing was changed");
            case READ_ONLY:
                return new ProtocolException(ErrorCode.STORAGE_ERROR,
                        "the store could not write: the data dir is read-only (" + e.detail() + "); nothing was changed");
            case WRITE_FAILED:
                return new ProtocolException(ErrorCode.STORAGE_ERROR,
                        "the store could not write (" + e.detail() + "); nothing was changed");
            case READ_FAILED:
                return new ProtocolException(ErrorCode.STORAGE_ERROR, "the store could not be read: " + e.detail());
            case UNAVAILABLE:
            default:
                return new ProtocolException(ErrorCode.UNAVAILABLE, e.detail());
        }
    }
}
