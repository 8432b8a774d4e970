package dev.queuectl.daemon.store;

/** No job has the given id. */
public final class JobNotFoundException extends StoreException {
    private final String id;

    public JobNotFoundException(String id) {
        super("no job " + id, null);
        this.id = id;
    }

    public String id() {
        return id;
    }
}
