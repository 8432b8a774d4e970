package dev.queuectl.bench;

import java.util.Arrays;

/** Order statistics of a sample (nearest-rank percentiles). */
final class Stats {
    private final double[] sorted;

    private Stats(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    /** Samples in nanoseconds, viewed in milliseconds. */
    static Stats nanosAsMillis(long[] nanos) {
        double[] ms = new double[nanos.length];
        for (int i = 0; i < nanos.length; i++) {
            ms[i] = nanos[i] / 1e6;
        }
        return new Stats(ms);
    }

    double percentile(double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    double median() {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    int count() {
        return sorted.length;
    }
}
