package dev.queuectl.daemon.store;

import java.util.List;

/**
 * A job named dependencies (its {@code after}) that are no existing job and no earlier job of its
 * batch; nothing was inserted. {@code batchIndex} is the job's index in a batch, or -1.
 */
public final class UnknownDependencyException extends StoreException {
    private final List<String> ids;
    private final int batchIndex;

    public UnknownDependencyException(List<String> ids, int batchIndex) {
        super("unknown dependencies " + ids, null);
        this.ids = List.copyOf(ids);
        this.batchIndex = batchIndex;
    }

    public List<String> ids() {
        return ids;
    }

    public int batchIndex() {
        return batchIndex;
    }
}
