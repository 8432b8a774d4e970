package dev.queuectl.daemon.store;

/** How a run ended, as stored in the attempts table. */
public enum RunOutcome {
    COMPLETED("completed"),
    FAILED("failed"),
    TIMED_OUT("timed_out"),
    INTERRUPTED("interrupted"),
    CANCELLED("cancelled");

    private final String wire;

    RunOutcome(String wire) {
        this.wire = wire;
    }

    public String wireName() {
        return wire;
    }

    /** Whether the run counts as one of the job's attempts. */
    public boolean counted() {
        return this == COMPLETED || this == FAILED || this == TIMED_OUT;
    }
}
