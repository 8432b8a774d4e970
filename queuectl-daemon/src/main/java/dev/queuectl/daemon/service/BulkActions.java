package dev.queuectl.daemon.service;

import dev.queuectl.daemon.event.JobEvent;
import dev.queuectl.daemon.job.BulkCursor;
import dev.queuectl.daemon.job.BulkPreview;
import dev.queuectl.daemon.job.BulkStep;
import dev.queuectl.daemon.job.JobAction;
import dev.queuectl.daemon.job.JobCriteria;
import dev.queuectl.daemon.job.JobRef;
import dev.queuectl.daemon.job.JobSelector;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.protocol.JobSelection;
import dev.queuectl.protocol.result.BulkResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Carries out an action on several jobs: in the store, a batch of at most {@value #BATCH} jobs per
 * transaction and no round trip per job, telling the event stream after each batch (so waiters,
 * the dispatcher and metrics follow). Jobs matched by a filter are walked in the states the
 * action applies to; those it matches in other states are counted, not walked. A dry run only
 * reads. Never blocks: batches follow each other through the store's futures.
 */
public final class BulkActions {
    /** Jobs per transaction: large enough that 100,000 take seconds, small enough not to hold up other writes. */
    public static final int BATCH = 2_000;

    private final ServiceContext ctx;

    public BulkActions(ServiceContext ctx) {
        this.ctx = ctx;
    }

    /** The jobs a selection names or matches, within {@code scope} (null: every state). */
    public static JobSelector selector(JobSelection s, Set<JobState> scope) {
        if (s.named() != null) {
            return JobSelector.ids(s.named());
        }
        JobCriteria c = s.all() ? JobCriteria.ALL : Views.criteria(s.filter());
        JobCriteria scoped = scope == null ? c : c.within(scope);
        return JobSelector.matching(scoped != null ? scoped : c);
    }

    /** What the action would do, changing nothing. */
    public CompletableFuture<BulkResult> preview(JobAction action, JobSelector selector) {
        return ctx.store().preview(action, selector, BulkResult.SAMPLE).thenApply(BulkActions::result);
    }

    /** Applies the action to every job the selector names or matches. */
    public CompletableFuture<BulkResult> apply(JobAction action, JobSelector selector) {
        Tally tally = new Tally();
        if (selector.ids() != null) {
            return step(action, selector, BulkCursor.START, tally);
        }
        JobCriteria others = selector.criteria().without(action.from());
        CompletableFuture<Void> counted = others == null ? CompletableFuture.completedFuture(null)
                : ctx.store().preview(action, JobSelector.matching(others), 0).thenAccept(p -> tally.add(p.skipped()));
        JobCriteria applicable = selector.criteria().within(action.from());
        if (applicable == null) {
            return counted.thenApply(x -> tally.result());
        }
        return counted.thenCompose(x -> step(action, JobSelector.matching(applicable), BulkCursor.START, tally));
    }

    private CompletableFuture<BulkResult> step(JobAction action, JobSelector selector, BulkCursor cursor, Tally t) {
        return ctx.store().changeMany(action, selector, cursor, BATCH).thenCompose(s -> {
            t.add(s);
            announce(action, s.changed());
            return s.next() == null ? CompletableFuture.completedFuture(t.result()) : step(action, selector, s.next(), t);
        });
    }

    /** Tells the event stream what a batch changed. */
    private void announce(JobAction action, List<JobRef> changed) {
        if (changed.isEmpty()) {
            return;
        }
        switch (action) {
            case PURGE:
                ctx.retention().deleted(changed);
                break;
            case HOLD:
            case RELEASE:
                List<String> ids = new ArrayList<>(changed.size());
                for (JobRef r : changed) {
                    ids.add(r.id());
                }
                ctx.events().publish(new JobEvent.Modified(ids));
                break;
            default:
                ctx.events().publish(new JobEvent.BulkChanged(action.transition().to(), changed.size()));
                break;
        }
    }

    private static BulkResult result(BulkPreview p) {
        return new BulkResult(p.count(), sum(p.skipped()), p.skipped(), p.notFound(), p.sample(), true);
    }

    private static long sum(Map<String, Long> m) {
        long n = 0;
        for (long v : m.values()) {
            n += v;
        }
        return n;
    }

    /** What the batches did so far; touched by one batch's continuation at a time. */
    private static final class Tally {
        long count;
        final Map<String, Long> skipped = new LinkedHashMap<>();
        final List<String> notFound = new ArrayList<>();
        final List<String> sample = new ArrayList<>();

        synchronized void add(Map<String, Long> more) {
            more.forEach((k, v) -> skipped.merge(k, v, Long::sum));
        }

        synchronized void add(BulkStep s) {
            count += s.changed().size();
            add(s.skipped());
            notFound.addAll(s.notFound());
            for (JobRef r : s.changed()) {
                if (sample.size() == BulkResult.SAMPLE) {
                    break;
                }
                sample.add(r.id());
            }
        }

        synchronized BulkResult result() {
            return new BulkResult(count, sum(skipped), new LinkedHashMap<>(skipped), List.copyOf(notFound),
                    List.copyOf(sample), false);
        }
    }
}
