package dev.queuectl.daemon.engine;

/** Why the daemon stopped a run before it ended on its own. */
enum StopReason {
    /** {@code queuectl cancel}: the job becomes dead ("cancelled"). */
    CANCEL,
    /** Drain or shutdown ran out of time: the run is interrupted and the job pending again. */
    DRAIN,
    /** The run's time limit expired: a counted failure. */
    TIMEOUT,
    /**
     * This node could not renew its lease (a shared store): its runs must end before the lease
     * can expire and other nodes run the jobs again. The run is interrupted, not counted.
     */
    FENCE
}
