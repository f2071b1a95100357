// Percentiles with linear interpolation between order statistics (NumPy's default, Hyndman & Fan type 7),
// so figures can be checked against numpy.percentile.
package org.shiftscope.model.stats;

import java.util.Arrays;

public final class Percentiles {
    private Percentiles() {
    }

    /** @param sorted ascending values, at least one @param fraction in [0, 1] */
    public static double ofSorted(double[] sorted, double fraction) {
        double position = fraction * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, sorted.length - 1);
        double weight = position - lower;
        return sorted[lower] + weight * (sorted[upper] - sorted[lower]);
    }

    public static double of(double[] values, double fraction) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        return ofSorted(sorted, fraction);
    }
}
