package dev.queuectl.daemon.metrics;

import dev.queuectl.daemon.event.JobEvent;
import dev.queuectl.daemon.job.RunEnd;
import dev.queuectl.daemon.job.RunOutcome;
import dev.queuectl.protocol.result.RunStatsView;
import java.time.Clock;
import java.time.Duration;

/**
 * Recent run statistics for {@code status}: runs completed and failed in the last minute and
 * the last hour, with their mean and 95th-percentile run time. Kept in memory in per-second and
 * per-minute buckets, each with a small log-scale histogram (p95 is exact to within one bucket,
 * about 19%), so the cost does not grow with the number of runs. Since the daemon started only.
 * Thread-safe.
 */
public final class RunStats {
    /** Histogram bins: bin i holds durations up to 2^(i/4) ms; the last bin holds everything longer. */
    private static final int BINS = 128;

    private static final class Bucket {
        long epoch = -1;
        long completed;
        long failed;
        double totalMillis;
        final long[] histogram = new long[BINS];

        void reset(long epoch) {
            this.epoch = epoch;
            completed = 0;
            failed = 0;
            totalMillis = 0;
            java.util.Arrays.fill(histogram, 0);
        }
    }

    private final Clock clock;
    private final Bucket[] seconds = buckets(60);
    private final Bucket[] minutes = buckets(60);

    public RunStats(Clock clock) {
        this.clock = clock;
    }

    private static Bucket[] buckets(int n) {
        Bucket[] b = new Bucket[n];
        for (int i = 0; i < n; i++) {
            b[i] = new Bucket();
        }
        return b;
    }

    static int bin(double millis) {
        if (millis <= 1) {
            return 0;
        }
        int b = (int) Math.ceil(4 * Math.log(millis) / Math.log(2));
        return Math.min(b, BINS - 1);
    }

    static double binMillis(int bin) {
        return Math.pow(2, bin / 4.0);
    }

    /** The event stream's subscriber: counts each run's end. */
    public void on(JobEvent event) {
        if (event instanceof JobEvent.RunFinished) {
            JobEvent.RunFinished f = (JobEvent.RunFinished) event;
            runEnded(f.end(), f.ranFor());
        }
    }

    private void runEnded(RunEnd end, Duration ranFor) {
        boolean ok = end.outcome() == RunOutcome.COMPLETED;
        boolean bad = end.outcome() == RunOutcome.FAILED || end.outcome() == RunOutcome.TIMED_OUT;
        if (!ok && !bad) {
            return;
        }
        long nowMs = clock.millis();
        double ms = ranFor.toNanos() / 1e6;
        synchronized (this) {
            add(bucket(seconds, nowMs / 1000), ok, ms);
            add(bucket(minutes, nowMs / 60_000), ok, ms);
        }
    }

    private static Bucket bucket(Bucket[] ring, long epoch) {
        Bucket b = ring[(int) (epoch % ring.length)];
        if (b.epoch != epoch) {
            b.reset(epoch);
        }
        return b;
    }

    private static void add(Bucket b, boolean ok, double ms) {
        if (ok) {
            b.completed++;
        } else {
            b.failed++;
        }
        b.totalMillis += ms;
        b.histogram[bin(ms)]++;
    }

    /** The last minute (60 one-second buckets) and the last hour (60 one-minute buckets). */
    public synchronized RunStatsView view() {
        long nowMs = clock.millis();
        return new RunStatsView(window(seconds, nowMs / 1000), window(minutes, nowMs / 60_000));
    }

    private static RunStatsView.Window window(Bucket[] ring, long current) {
        long completed = 0;
        long failed = 0;
        double total = 0;
        long[] histogram = new long[BINS];
        for (Bucket b : ring) {
            if (b.epoch >= 0 && b.epoch > current - ring.length && b.epoch <= current) {
                completed += b.completed;
                failed += b.failed;
                total += b.totalMillis;
                for (int i = 0; i < BINS; i++) {
                    histogram[i] += b.histogram[i];
                }
            }
        }
        long n = completed + failed;
        if (n == 0) {
            return new RunStatsView.Window(0, 0, null, null);
        }
        long rank = (long) Math.ceil(0.95 * n);
        long seen = 0;
        double p95 = 0;
        for (int i = 0; i < BINS; i++) {
            seen += histogram[i];
            if (seen >= rank) {
                p95 = binMillis(i);
                break;
            }
        }
        return new RunStatsView.Window(completed, failed, total / n / 1000.0, p95 / 1000.0);
    }
}
