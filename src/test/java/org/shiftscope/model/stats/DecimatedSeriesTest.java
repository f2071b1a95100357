// The bounded chart history: bounded, every bucket of the run represented, and the first and latest points, the
// extremes, pinned points and breaks always kept.
package org.shiftscope.model.stats;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecimatedSeriesTest {
    static final int CAPACITY = 8;
    static final int LONG_RUN = 100_000;
    static final long SEED = 7;

    @Test
    void keepsEverythingUntilFullThenStaysBounded() {
        var series = new DecimatedSeries(CAPACITY);
        for (int i = 0; i < CAPACITY; i++) {
            series.add(i, 10 * i);
        }
        assertArrayEquals(new double[]{0, 1, 2, 3, 4, 5, 6, 7}, series.xs());
        for (int i = CAPACITY; i < 100; i++) {
            series.add(i, 10 * i);
            assertTrue(series.size() <= CAPACITY + 3, "bounded at step " + i);
        }
        double[] xs = series.xs();
        assertEquals(0, xs[0], "the first point stays");
        assertEquals(99, xs[xs.length - 1], "the latest point stays");
        assertEquals(990, series.lastY());
        for (int i = 1; i < xs.length; i++) {
            assertTrue(xs[i] - xs[i - 1] <= 2 * series.bucketWidth(), "no gap wider than two buckets");
        }
        series.clear();
        assertEquals(0, series.size());
        assertTrue(Double.isNaN(series.lastY()));
    }

    @Test
    void theExtremesOfANoisyRunSurviveThinning() {
        var series = new DecimatedSeries(CAPACITY * 50);
        var random = new Random(SEED);
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < LONG_RUN; i++) {
            double y = random.nextGaussian() + (i == 77_777 ? 50 : 0) - (i == 12_345 ? 50 : 0);
            max = Math.max(max, y);
            min = Math.min(min, y);
            series.add(i, y);
        }
        double[] ys = series.ys();
        assertEquals(max, Arrays.stream(ys).max().orElseThrow(), "the highest point is kept");
        assertEquals(min, Arrays.stream(ys).min().orElseThrow(), "the lowest point is kept");
        assertTrue(series.size() <= CAPACITY * 50 + 3);
    }

    @Test
    void pinnedPointsAndBreaksAreAlwaysKept() {
        var series = new DecimatedSeries(CAPACITY);
        for (int i = 0; i < 1000; i++) {
            if (i == 500) {
                series.pinLatest();
                series.addPinned(499.5, Double.NaN);
                series.addPinned(i, 3);
            } else {
                series.add(i, 1);
            }
        }
        series.addPinned(1000, 432);
        for (int i = 1001; i < 5000; i++) {
            series.add(i, 1);
        }
        double[] xs = series.xs();
        double[] ys = series.ys();
        int brk = indexOf(xs, 499.5);
        assertTrue(brk > 0 && Double.isNaN(ys[brk]), "the break is kept");
        assertEquals(499, xs[brk - 1], "the line ends at the last point before the break");
        assertEquals(500, xs[brk + 1], "and starts again at the first after it");
        assertEquals(432, ys[indexOf(xs, 1000)], "a pinned divergence point is kept");
        assertEquals(4999, xs[xs.length - 1]);
    }

    private static int indexOf(double[] xs, double x) {
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] == x) {
                return i;
            }
        }
        return -1;
    }
}
