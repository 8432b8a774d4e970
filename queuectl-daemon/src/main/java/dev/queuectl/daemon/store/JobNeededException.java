package dev.queuectl.daemon.store;

/** A job that waiting jobs depend on cannot be deleted; nothing was changed. */
public final class JobNeededException extends StoreException {
    private final String id;

    public JobNeededException(String id) {
        super("job " + id + " is needed by waiting jobs", null);
        this.id = id;
    }

    public String id() {
        return id;
    }
}
