package dev.queuectl.daemon.metrics;

import dev.queuectl.daemon.job.Histogram;
import dev.queuectl.daemon.job.MinuteStats;
import java.util.Arrays;

/** One minute or hour of a {@link RunHistory} ring, reused when the ring comes round. Guarded by its history's lock. */
final class Slot {
    /** The slot's first instant (epoch ms), or -1 while unused. */
    long start = -1;
    long completed;
    long failed;
    final long[] waits = new long[Histogram.BINS];
    final long[] runs = new long[Histogram.BINS];

    static Slot[] ring(int n) {
        Slot[] ring = new Slot[n];
        for (int i = 0; i < n; i++) {
            ring[i] = new Slot();
        }
        return ring;
    }

    static int index(long start, long width, int size) {
        return (int) Math.floorMod(start / width, (long) size);
    }

    /** The slot for the period starting at {@code start}, emptied first if it held an older period. */
    static Slot at(Slot[] ring, long start, long width) {
        Slot s = ring[index(start, width, ring.length)];
        if (s.start != start) {
            s.start = start;
            s.completed = 0;
            s.failed = 0;
            Arrays.fill(s.waits, 0);
            Arrays.fill(s.runs, 0);
        }
        return s;
    }

    void add(boolean ok, boolean bad, int waitBin, int runBin) {
        if (ok) {
            completed++;
        }
        if (bad) {
            failed++;
        }
        if (waitBin >= 0) {
            waits[waitBin]++;
        }
        if (runBin >= 0) {
            runs[runBin]++;
        }
    }

    void merge(MinuteStats m) {
        completed += m.completed();
        failed += m.failed();
        long[] w = m.waits().counts();
        long[] r = m.runs().counts();
        for (int i = 0; i < Histogram.BINS; i++) {
            waits[i] += w[i];
            runs[i] += r[i];
        }
    }
}
