package dev.queuectl.daemon.store;

/** A schedule operation was refused; nothing was changed: the schedule does not exist, or exists already. */
public final class ScheduleRefusedException extends StoreException {
    private final String schedule;
    private final boolean exists;

    public ScheduleRefusedException(String schedule, boolean exists) {
        super("schedule " + schedule + (exists ? " exists" : " not found"), null);
        this.schedule = schedule;
        this.exists = exists;
    }

    public String schedule() {
        return schedule;
    }

    /** True: it exists already (an add); false: it does not exist. */
    public boolean exists() {
        return exists;
    }
}
