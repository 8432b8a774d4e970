package dev.queuectl.daemon;

import dev.queuectl.daemon.config.StoreLocation;
import dev.queuectl.daemon.health.Health;
import dev.queuectl.daemon.store.JobStore;
import dev.queuectl.daemon.store.StoreOpenException;
import dev.queuectl.daemon.store.sqlite.SqliteJobStore;
import java.nio.file.Path;
import java.time.Clock;

/** Opens the store a {@link StoreLocation} names: the one place that knows every backend. */
final class StoreFactory {
    private StoreFactory() {
    }

    /**
     * Opens (creating or migrating) the store. {@code dataDir} holds the SQLite file; the
     * store's own loops (its writer) report to {@code health}.
     * A {@link StoreOpenException} says why it cannot, in one line for the start-up error.
     */
    static JobStore open(StoreLocation location, Path dataDir, Clock clock, Health health) {
        switch (location.backend()) {
            case SQLITE:
                return SqliteJobStore.open(dataDir.resolve("queuectl.db"), clock, health);
            case POSTGRESQL:
            default:
                throw new StoreOpenException("the PostgreSQL store is not part of this build of queuectld;"
                        + " use store = sqlite", null);
        }
    }
}
