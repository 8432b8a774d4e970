package dev.queuectl.daemon.store.sqlite;

import dev.queuectl.daemon.ShortTempDir;
import dev.queuectl.daemon.TestClock;
import dev.queuectl.daemon.store.JobStore;
import dev.queuectl.daemon.store.JobStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store contract on a real SQLite file. */
class SqliteJobStoreTest extends JobStoreContract {
    @RegisterExtension
    final ShortTempDir tmp = new ShortTempDir();

    @Override
    protected JobStore openStore(TestClock clock) {
        return SqliteJobStore.open(tmp.resolve("queuectl.db"), clock);
    }
}
