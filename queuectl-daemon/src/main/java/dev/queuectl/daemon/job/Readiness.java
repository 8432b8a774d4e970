package dev.queuectl.daemon.job;

/** Where a pending or failed job stands as far as the claim is concerned. */
public enum Readiness {
    /** Held: never claimed until released. */
    HELD,
    /** Its run_at has not come (as of the last claim, which promotes jobs that became due). */
    NOT_DUE,
    /** Claimable now. */
    DUE
}
