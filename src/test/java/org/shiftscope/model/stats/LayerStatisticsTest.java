// LayerStatistics against direct two-pass formulas computed here independently, and its invariants.
package org.shiftscope.model.stats;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayerStatisticsTest {
    static final double TOLERANCE = 1e-12;
    static final int BATCH = 9;
    static final int UNITS = 4;
    /** An activation offset far above the spread: two-pass moments must stay non-negative. */
    static final double LARGE_OFFSET = 1e8;
    /** The batch mean of equal values may differ from them by a few units in the last place. */
    static final double CONSTANT_ROUNDING_ULPS = 4;

    private static double[] randomValues(long seed, double offset) {
        var random = new Random(seed);
        var v = new double[BATCH * UNITS];
        for (int i = 0; i < v.length; i++) {
            v[i] = offset + (i % UNITS) + random.nextGaussian();
        }
        return v;
    }

    @Test
    void momentsMatchDirectFormulas() {
        double[] v = randomValues(1, 0.5);
        var stats = new LayerStatistics().observe(v, BATCH, UNITS, 2);
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double variance = 0;
        for (double x : v) {
            variance += (x - mean) * (x - mean);
        }
        variance /= v.length;
        var unitMeans = new double[UNITS];
        var unitVars = new double[UNITS];
        for (int u = 0; u < UNITS; u++) {
            for (int b = 0; b < BATCH; b++) {
                unitMeans[u] += v[b * UNITS + u] / BATCH;
            }
            for (int b = 0; b < BATCH; b++) {
                unitVars[u] += Math.pow(v[b * UNITS + u] - unitMeans[u], 2) / BATCH;
            }
        }
        double meanUnitVar = 0;
        double betweenVar = 0;
        for (int u = 0; u < UNITS; u++) {
            meanUnitVar += unitVars[u] / UNITS;
            betweenVar += Math.pow(unitMeans[u] - mean, 2) / UNITS;
        }
        assertEquals(mean, stats.mean(), TOLERANCE);
        assertEquals(variance, stats.variance(), TOLERANCE);
        assertEquals(meanUnitVar, stats.unitVariance(), TOLERANCE);
        assertEquals(betweenVar / variance, stats.betweenShare(), TOLERANCE);
        assertTrue(Double.isNaN(stats.drift()), "no drift at the first step");
    }

    @Test
    void percentilesFollowNumpyLinearInterpolation() {
        // numpy.percentile([1, 2, 3, 4, 10], [15, 50, 85]) = [1.6, 3.0, 6.4]
        double[] sorted = {1, 2, 3, 4, 10};
        assertEquals(1.6, Percentiles.ofSorted(sorted, 0.15), TOLERANCE);
        assertEquals(3.0, Percentiles.ofSorted(sorted, 0.50), TOLERANCE);
        assertEquals(6.4, Percentiles.ofSorted(sorted, 0.85), TOLERANCE);
    }

    @Test
    void driftIsTheScaledDistanceBetweenUnitMeans() {
        var statistics = new LayerStatistics();
        double[] v = randomValues(2, 0);
        statistics.observe(v, BATCH, UNITS, 0);
        double[] shifted = v.clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += 3.0;             // every unit mean moves by 3
        }
        var stats = statistics.observe(shifted, BATCH, UNITS, 0);
        assertEquals(3.0, stats.drift(), TOLERANCE);   // ‖3·1‖ / √units = 3
        statistics.reset();
        assertTrue(Double.isNaN(statistics.observe(v, BATCH, UNITS, 0).drift()));
    }

    @Test
    void invariantsHoldOnRandomInputs() {
        var random = new Random(3);
        for (int trial = 0; trial < 200; trial++) {
            int batch = 1 + random.nextInt(20);
            int units = 1 + random.nextInt(10);
            var v = new double[batch * units];
            double scale = Math.pow(10, random.nextInt(9) - 4);
            // Some trials are constant (no variance at all), some ride on a large offset (cancellation).
            double offset = switch (trial % 4) {
                case 0 -> LARGE_OFFSET;
                case 1 -> -LARGE_OFFSET;
                default -> 0;
            };
            boolean constant = trial % 10 == 9;
            for (int i = 0; i < v.length; i++) {
                v[i] = offset + (constant ? scale : scale * (random.nextGaussian() + (random.nextBoolean() ? 5 : 0)));
            }
            var s = new LayerStatistics().observe(v, batch, units, random.nextInt(units));
            assertTrue(s.variance() >= 0 && s.unitVariance() >= 0, "variances are non-negative");
            assertTrue(s.betweenShare() >= 0 && s.betweenShare() <= 1, "share in [0, 1]: " + s.betweenShare());
            assertTrue(s.p15() <= s.p50() && s.p50() <= s.p85(), "percentiles ordered");
            if (constant) {
                double rounding = CONSTANT_ROUNDING_ULPS * Math.ulp(Math.abs(v[0]));
                assertTrue(s.variance() <= rounding * rounding, "a constant layer has no variance beyond rounding: "
                        + s.variance());
            }
        }
    }
}
