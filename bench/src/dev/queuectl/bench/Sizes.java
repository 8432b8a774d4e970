package dev.queuectl.bench;

/** How much work each figure does: the full run, or the tiny {@code --quick} smoke run. */
record Sizes(int runJobs, int runWarmup, int enqueueJobs, int enqueueWarmup, int sqliteSingleRows, int concurrentClients,
             int concurrentPerClient, int dispatchJobs, int scaleJobs, int scaleReps, int scaleClaimReps,
             int clientRuns, int clientWarmups, int bulkJobs, int singleCancels) {

    static Sizes full() {
        return new Sizes(4_000, 15_000, 100_000, 20_000, 2_000, 16, 5000, 200, 1_000_000, 50, 20, 20, 2, 100_000,
                2_000);
    }

    static Sizes quick() {
        return new Sizes(100, 100, 10_000, 1_000, 300, 16, 50, 20, 50_000, 10, 5, 3, 1, 5_000, 200);
    }
}
