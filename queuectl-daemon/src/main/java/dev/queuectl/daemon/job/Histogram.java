package dev.queuectl.daemon.job;

import java.util.Arrays;

/**
 * A log-scale histogram of durations: bin {@code i} counts durations up to 2^(i/4) ms (about 19%
 * apart), the last bin everything longer, so percentiles are exact to within one bin whatever the
 * number of samples. Immutable; {@link #encode()} gives a compact text form ("bin:count,...") that
 * stores keep and {@link #decode} reads back.
 */
public final class Histogram {
    public static final int BINS = 128;
    public static final Histogram EMPTY = new Histogram(new long[BINS]);

    private final long[] counts;

    private Histogram(long[] counts) {
        this.counts = counts;
    }

    /** A histogram of these bin counts (copied); {@code counts.length} must be {@link #BINS}. */
    public static Histogram of(long[] counts) {
        if (counts.length != BINS) {
            throw new IllegalArgumentException("a histogram has " + BINS + " bins, not " + counts.length);
        }
        return new Histogram(counts.clone());
    }

    /** The bin a duration of {@code millis} falls in. */
    public static int bin(double millis) {
        if (millis <= 1) {
            return 0;
        }
        int b = (int) Math.ceil(4 * Math.log(millis) / Math.log(2));
        return Math.min(b, BINS - 1);
    }

    /** The longest duration bin {@code bin} holds, in milliseconds. */
    public static double upperMillis(int bin) {
        return Math.pow(2, bin / 4.0);
    }

    /** The bin counts (a copy). */
    public long[] counts() {
        return counts.clone();
    }

    public long total() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    /** Both histograms' samples together. */
    public Histogram plus(Histogram other) {
        long[] sum = counts.clone();
        for (int i = 0; i < BINS; i++) {
            sum[i] += other.counts[i];
        }
        return new Histogram(sum);
    }

    /** The {@code q} quantile (0 to 1) in milliseconds, as the upper bound of its bin; NaN when empty. */
    public double quantileMillis(double q) {
        long n = total();
        if (n == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(q * n));
        long seen = 0;
        for (int i = 0; i < BINS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return upperMillis(i);
            }
        }
        return upperMillis(BINS - 1);
    }

    /** The non-empty bins as {@code bin:count} pairs joined by commas; empty text for no samples. */
    public String encode() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < BINS; i++) {
            if (counts[i] != 0) {
                if (b.length() > 0) {
                    b.append(',');
                }
                b.append(i).append(':').append(counts[i]);
            }
        }
        return b.toString();
    }

    /** Reads {@link #encode()}'s form; an {@link IllegalArgumentException} for anything else. */
    public static Histogram decode(String text) {
        long[] counts = new long[BINS];
        if (text == null || text.isEmpty()) {
            return new Histogram(counts);
        }
        for (String pair : text.split(",", -1)) {
            int colon = pair.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("not a histogram: " + text);
            }
            int bin = Integer.parseInt(pair.substring(0, colon));
            long count = Long.parseLong(pair.substring(colon + 1));
            if (bin < 0 || bin >= BINS || count < 0) {
                throw new IllegalArgumentException("not a histogram: " + text);
            }
            counts[bin] += count;
        }
        return new Histogram(counts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram && Arrays.equals(counts, ((Histogram) o).counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Histogram[" + encode() + "]";
    }
}
