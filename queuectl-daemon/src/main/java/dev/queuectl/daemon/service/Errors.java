package dev.queuectl.daemon.service;

import dev.queuectl.daemon.store.DuplicateJobException;
import dev.queuectl.daemon.store.IllegalTransitionException;
import dev.queuectl.daemon.store.JobChangedException;
import dev.queuectl.daemon.store.JobNeededException;
import dev.queuectl.daemon.store.JobNotFoundException;
import dev.queuectl.daemon.store.QueueRefusedException;
import dev.queuectl.daemon.store.ScheduleRefusedException;
import dev.queuectl.daemon.store.UnknownDependencyException;
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
        if (t instanceof UnknownDependencyException) {
            UnknownDependencyException u = (UnknownDependencyException) t;
            String message = (u.ids().size() == 1 ? "no job " + u.ids().get(0)
                    : "no jobs " + String.join(", ", u.ids())) + " to wait for (field 'after'); nothing was enqueued";
            return new ProtocolException(ErrorCode.NOT_FOUND,
                    u.batchIndex() >= 0 ? "jobs[" + u.batchIndex() + "]: " + message : message);
        }
        if (t instanceof ScheduleRefusedException) {
            ScheduleRefusedException e = (ScheduleRefusedException) t;
            return e.exists()
                    ? new ProtocolException(ErrorCode.DUPLICATE_ID, "schedule '" + e.schedule()
                            + "' exists already; remove it first to replace it (queuectl schedule remove "
                            + e.schedule() + ")")
                    : new ProtocolException(ErrorCode.NOT_FOUND, "no schedule '" + e.schedule()
                            + "' (queuectl schedule list shows them)");
        }
        if (t instanceof QueueRefusedException) {
            return queue((QueueRefusedException) t);
        }
        if (t instanceof JobNeededException) {
            return new ProtocolException(ErrorCode.INVALID_STATE, "job '" + ((JobNeededException) t).id()
                    + "' is kept: jobs waiting for it depend on it (queuectl show lists them); nothing was deleted");
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

    private static ProtocolException queue(QueueRefusedException e) {
        switch (e.reason()) {
            case EXISTS:
                return new ProtocolException(ErrorCode.DUPLICATE_ID, "queue '" + e.queue()
                        + "' exists already; change it with queuectl queue set " + e.queue());
            case NOT_EMPTY:
                return new ProtocolException(ErrorCode.INVALID_STATE, "queue '" + e.queue() + "' still has " + e.jobs()
                        + (e.jobs() == 1 ? " job" : " jobs") + "; it can be removed once they are gone"
                        + " (queuectl list --queue " + e.queue() + ")");
            case NOT_FOUND:
            default:
                return new ProtocolException(ErrorCode.NOT_FOUND, "no queue '" + e.queue()
                        + "' (queuectl queue list shows them; queuectl queue add creates one)");
        }
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
