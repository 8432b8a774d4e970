package dev.queuectl.daemon.metrics;

import dev.queuectl.daemon.event.JobEvent;
import dev.queuectl.daemon.job.Histogram;
import dev.queuectl.daemon.job.MinuteStats;
import dev.queuectl.daemon.job.RunOutcome;
import dev.queuectl.protocol.result.RunHistoryView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * This node's run statistics over time, for charts: a ring of the last {@value #MINUTES} minutes
 * and one of the last {@value #HOURS} hours, each slot holding runs completed and failed and
 * histograms of queue wait and run time. Memory is fixed, whatever the number of runs. Minutes
 * that changed are handed out by {@link #takeChanged()} to be kept in the store, and
 * {@link #restore} puts kept minutes back after a restart. Fed by the event stream; thread-safe.
 */
public final class RunHistory {
    static final int MINUTES = 60;
    static final int HOURS = 24;
    private static final long MINUTE_MS = 60_000;
    private static final long HOUR_MS = 3_600_000;

    private final Clock clock;
    private final String node;
    private final Slot[] minutes = Slot.ring(MINUTES);
    private final Slot[] hours = Slot.ring(HOURS);
    /** Start (epoch ms) of every minute changed since the last {@link #takeChanged()}. */
    private final Set<Long> changed = new TreeSet<>();

    public RunHistory(Clock clock, String node) {
        this.clock = clock;
        this.node = node;
    }

    /** The event stream's subscriber: queue waits at each run's start, outcomes and run times at its end. */
    public void on(JobEvent event) {
        if (event instanceof JobEvent.RunStarted) {
            Duration wait = ((JobEvent.RunStarted) event).queueWait();
            record(false, false, Histogram.bin(wait.toNanos() / 1e6), -1);
        } else if (event instanceof JobEvent.RunFinished) {
            JobEvent.RunFinished f = (JobEvent.RunFinished) event;
            RunOutcome o = f.end().outcome();
            boolean ok = o == RunOutcome.COMPLETED;
            boolean bad = o == RunOutcome.FAILED || o == RunOutcome.TIMED_OUT;
            if (ok || bad) {
                record(ok, bad, -1, Histogram.bin(f.ranFor().toNanos() / 1e6));
            }
        }
    }

    private synchronized void record(boolean completed, boolean failed, int waitBin, int runBin) {
        long now = clock.millis();
        long minute = now - Math.floorMod(now, MINUTE_MS);
        Slot.at(minutes, minute, MINUTE_MS).add(completed, failed, waitBin, runBin);
        Slot.at(hours, now - Math.floorMod(now, HOUR_MS), HOUR_MS).add(completed, failed, waitBin, runBin);
        changed.add(minute);
    }

    /** The minutes changed since the last call (still in the ring), to be kept in the store. */
    public synchronized List<MinuteStats> takeChanged() {
        List<MinuteStats> out = new ArrayList<>(changed.size());
        for (long start : changed) {
            Slot s = minutes[Slot.index(start, MINUTE_MS, MINUTES)];
            if (s.start == start) {
                out.add(new MinuteStats(node, Instant.ofEpochMilli(start), s.completed, s.failed,
                        Histogram.of(s.waits), Histogram.of(s.runs)));
            }
        }
        changed.clear();
        return out;
    }

    /** Marks minutes as changed again, after saving them failed. */
    public synchronized void changedAgain(List<MinuteStats> notSaved) {
        for (MinuteStats m : notSaved) {
            changed.add(m.minute().toEpochMilli());
        }
    }

    /** Puts minutes kept in the store back (at start-up, before any run): each goes into its minute and hour slot. */
    public synchronized void restore(List<MinuteStats> kept) {
        long now = clock.millis();
        for (MinuteStats m : kept) {
            long start = m.minute().toEpochMilli();
            if (start > now || start <= now - HOURS * HOUR_MS) {
                continue;
            }
            if (start > now - MINUTES * MINUTE_MS) {
                Slot.at(minutes, start, MINUTE_MS).merge(m);
            }
            Slot.at(hours, start - Math.floorMod(start, HOUR_MS), HOUR_MS).merge(m);
        }
    }

    /** Every minute of the last hour and every hour of the last day, oldest first, empty ones included. */
    public synchronized RunHistoryView view() {
        long now = clock.millis();
        return new RunHistoryView(node, points(minutes, now, MINUTE_MS), points(hours, now, HOUR_MS));
    }

    private static List<RunHistoryView.Point> points(Slot[] ring, long now, long width) {
        long current = now - Math.floorMod(now, width);
        List<RunHistoryView.Point> out = new ArrayList<>(ring.length);
        for (int i = ring.length - 1; i >= 0; i--) {
            long start = current - i * width;
            Slot s = ring[Slot.index(start, width, ring.length)];
            Instant at = Instant.ofEpochMilli(start);
            if (s.start != start) {
                out.add(new RunHistoryView.Point(at, 0, 0, null, null));
            } else {
                out.add(new RunHistoryView.Point(at, s.completed, s.failed, percentiles(s.waits),
                        percentiles(s.runs)));
            }
        }
        return out;
    }

    private static RunHistoryView.Percentiles percentiles(long[] bins) {
        Histogram h = Histogram.of(bins);
        if (h.total() == 0) {
            return null;
        }
        return new RunHistoryView.Percentiles(h.quantileMillis(0.5) / 1000, h.quantileMillis(0.95) / 1000,
                h.quantileMillis(0.99) / 1000);
    }
}
