// Computes LayerStats for one hidden layer step after step, remembering the previous per-unit means
// for the drift. Works in double on a row-major copy of the (batch, units) activations.
// Uses the law of total variance: Var_all = mean_u Var_batch + Var_u(mean_batch).
package org.shiftscope.model.stats;

import java.util.Arrays;

public final class LayerStatistics {
    private static final double P15 = 0.15;
    private static final double P50 = 0.50;
    private static final double P85 = 0.85;

    private double[] previousUnitMeans;

    /** Forgets the previous step, so the next drift is NaN (after a rebuild or reset). */
    public void reset() {
        previousUnitMeans = null;
    }

    /**
     * @param values      row-major (batch, units) activations
     * @param trackedUnit the unit whose percentiles are reported
     */
    public LayerStats observe(double[] values, int batch, int units, int trackedUnit) {
        var unitMeans = new double[units];
        for (int b = 0; b < batch; b++) {
            for (int u = 0; u < units; u++) {
                unitMeans[u] += values[b * units + u];
            }
        }
        for (int u = 0; u < units; u++) {
            unitMeans[u] /= batch;
        }
        var unitVariances = new double[units];
        for (int b = 0; b < batch; b++) {
            for (int u = 0; u < units; u++) {
                double d = values[b * units + u] - unitMeans[u];
                unitVariances[u] += d * d;
            }
        }
        double mean = average(unitMeans);
        double unitVariance = 0;
        double betweenVariance = 0;
        for (int u = 0; u < units; u++) {
            unitVariance += unitVariances[u] / batch;
            betweenVariance += (unitMeans[u] - mean) * (unitMeans[u] - mean);
        }
        unitVariance /= units;
        betweenVariance /= units;
        double variance = unitVariance + betweenVariance;
        double betweenShare = variance > 0 ? betweenVariance / variance : 0.0;

        var tracked = new double[batch];
        for (int b = 0; b < batch; b++) {
            tracked[b] = values[b * units + trackedUnit];
        }
        Arrays.sort(tracked);

        double drift = previousUnitMeans == null || previousUnitMeans.length != units
                ? Double.NaN : distance(unitMeans, previousUnitMeans) / Math.sqrt(units);
        previousUnitMeans = unitMeans;
        return new LayerStats(mean, variance, unitVariance, betweenShare,
                Percentiles.ofSorted(tracked, P15), Percentiles.ofSorted(tracked, P50),
                Percentiles.ofSorted(tracked, P85), drift);
    }

    private static double average(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }
}
