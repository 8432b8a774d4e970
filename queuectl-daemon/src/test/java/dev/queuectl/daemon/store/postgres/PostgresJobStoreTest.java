package dev.queuectl.daemon.store.postgres;

import dev.queuectl.daemon.TestClock;
import dev.queuectl.daemon.store.JobStore;
import dev.queuectl.daemon.store.JobStoreContract;

/** The store contract on a real PostgreSQL database (a fresh one per test). */
class PostgresJobStoreTest extends JobStoreContract {
    @Override
    protected JobStore openStore(TestClock clock) {
        return PostgresJobStore.open(TestPostgres.get().freshOptions(), clock, NODE);
    }
}
