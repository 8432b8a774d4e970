package dev.queuectl.daemon.store;

/**
 * An edit found the job updated since the version it was computed from (another edit, a claim);
 * nothing was changed. The caller reads the job again and recomputes the edit.
 */
public final class JobChangedException extends StoreException {
    private final String id;

    public JobChangedException(String id) {
        super("job " + id + " changed meanwhile", null);
        this.id = id;
    }

    public String id() {
        return id;
    }
}
