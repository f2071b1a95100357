// Axis ranges of the live charts: the range of the drawn data, the union of two charts' ranges (side-by-side
// charts share their axes), and fixing an axis to a range padded by 5% of its span (× 1.05 on a log axis).
package org.shiftscope.ui.charts;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;

import java.util.List;

final class AxisRanges {
    /** Fixed ranges are widened by 5% of their span (× 1.05 on a log axis). */
    private static final double PADDING_FACTOR = 1.05;

    private AxisRanges() {
    }

    /** The range [min, max] of the finite values along x ({@code x} true) or y over every line; null without any. */
    static double[] of(List<ChartSeries> lines, boolean x) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ChartSeries s : lines) {
            for (double v : x ? s.xs() : s.ys()) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return min <= max ? new double[]{min, max} : null;
    }

    /** The smallest range covering both (either may be null). */
    static double[] union(double[] a, double[] b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return new double[]{Math.min(a[0], b[0]), Math.max(a[1], b[1])};
    }

    /** Fixes the axis to the range, padded so no point sits on the frame; a null range makes it automatic again. */
    static void fix(DefaultNumericAxis axis, double[] range) {
        if (range == null) {
            axis.setAutoRanging(true);
            return;
        }
        double min = range[0];
        double max = range[1];
        if (axis.isLogAxis()) {
            min /= PADDING_FACTOR;
            max *= PADDING_FACTOR;
        } else {
            double pad = max > min ? (max - min) * (PADDING_FACTOR - 1) : Math.max(Math.abs(max) * 0.1, 1e-9);
            min -= pad;
            max += pad;
        }
        axis.setAutoRanging(false);
        axis.set(min, max);
    }
}
