package dev.queuectl.daemon.store.postgres;

import dev.queuectl.daemon.job.Job;
import dev.queuectl.daemon.job.JobRef;
import dev.queuectl.daemon.job.RunEnd;
import dev.queuectl.daemon.job.Transition;
import java.time.Clock;

/**
 * The cluster side of the PostgreSQL store: what this node tells the others (debounced NOTIFY).
 * Thread-safe.
 */
public final class PgCluster implements AutoCloseable {
    private final PgDatabase db;
    private final Clock clock;
    private final String node;
    private final PgNotifier notifier;

    PgCluster(PgDatabase db, Clock clock, String node) {
        this.db = db;
        this.clock = clock;
        this.node = node;
        this.notifier = new PgNotifier(db, node);
    }

    /** Whether {@code claimer} is this node and may not claim now (its lease is not fresh). */
    boolean fenced(String claimer) {
        return false;
    }

    void enqueued(int count) {
        notifier.add("e");
    }

    void finished(RunEnd end) {
        if (end.transition() == Transition.INTERRUPT) {
            notifier.add("p");
        } else if (end.transition() != Transition.RETRY_LATER) {
            notifier.add("f " + end.id());
        }
    }

    void changed() {
        notifier.add("p");
        notifier.add("f *");
    }

    Job stateChanged(Job job) {
        notifier.add(job.state().isFinal() ? "f " + job.id() : "p");
        return job;
    }

    JobRef deleted(JobRef job) {
        notifier.add("f " + job.id());
        return job;
    }

    void configChanged() {
        notifier.add("x");
    }

    @Override
    public void close() {
    }
}
