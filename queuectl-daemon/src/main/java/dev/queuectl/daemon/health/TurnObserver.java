package dev.queuectl.daemon.health;

/**
 * Hears each turn of the daemon's long-lived loops as it begins (a dispatcher pass, a store
 * writer batch, a worker's run, an output guard tick, a retention sweep): for embedders that
 * want to instrument the daemon. It runs inside the turn, on the loop's own thread, so whatever
 * it throws counts as the turn's own failure — which is how the tests show that every loop
 * survives an unexpected exception. Must be quick and thread-safe.
 */
@FunctionalInterface
public interface TurnObserver {
    /** Hears nothing: the daemon's default. */
    TurnObserver NONE = (loop, jobId) -> { };

    /**
     * @param loop  the loop's name, one of {@link Loop}'s constants
     * @param jobId the job the turn is about, or null when it is not about one job
     */
    void turnStarting(String loop, String jobId);
}
