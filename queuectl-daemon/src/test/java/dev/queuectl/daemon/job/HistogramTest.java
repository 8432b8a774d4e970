package dev.queuectl.daemon.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HistogramTest {
    private static Histogram of(double... millis) {
        long[] bins = new long[Histogram.BINS];
        for (double m : millis) {
            bins[Histogram.bin(m)]++;
        }
        return Histogram.of(bins);
    }

    @Test
    void quantilesAreTheUpperBoundOfTheirBinWithinAFifth() {
        double[] samples = new double[100];
        for (int i = 0; i < 100; i++) {
            samples[i] = i + 1; // 1 .. 100 ms
        }
        Histogram h = of(samples);
        assertEquals(100, h.total());
        for (double q : new double[] {0.5, 0.95, 0.99}) {
            double exact = Math.ceil(q * 100);
            double got = h.quantileMillis(q);
            assertTrue(got >= exact && got <= exact * 1.19 + 0.001, q + ": " + got + " for " + exact);
        }
        assertTrue(Double.isNaN(Histogram.EMPTY.quantileMillis(0.5)));
    }

    @Test
    void veryLongAndVeryShortDurationsLandInTheEndBins() {
        assertEquals(0, Histogram.bin(0));
        assertEquals(0, Histogram.bin(0.3));
        assertEquals(Histogram.BINS - 1, Histogram.bin(1e15));
    }

    @Test
    void theTextFormRoundTripsAndSumsAdd() {
        Histogram a = of(1, 5, 5, 300, 40_000);
        Histogram b = of(5, 7);
        assertEquals(a, Histogram.decode(a.encode()));
        assertEquals(Histogram.EMPTY, Histogram.decode(""));
        assertEquals("", Histogram.EMPTY.encode());
        assertEquals(7, a.plus(b).total());
        assertEquals(a.plus(b), b.plus(a));
    }

    @Test
    void malformedTextIsRefused() {
        for (String bad : new String[] {"x", "3", "3:", "-1:2", "999:1", "2:-5", "1:2,,"}) {
            assertThrows(IllegalArgumentException.class, () -> Histogram.decode(bad), bad);
        }
    }
}
