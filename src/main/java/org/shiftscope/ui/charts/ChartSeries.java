// One line of a chart, as plain arrays copied out of a history (never written after construction): its key
// (which line it is), display name, optional colour (a Palette name; null = the chart's) and dash style; a
// series of points is drawn as markers without a line (the top-k eigenvalues on the density curve).
package org.shiftscope.ui.charts;

import java.util.Arrays;

/**
 * @param key which line this is @param name legend text @param xs x values @param ys y values, same length
 * @param points markers only, no line
 */
public record ChartSeries(LineKey key, String name, double[] xs, double[] ys, String color, boolean dashed,
                          boolean points) {
    public ChartSeries(LineKey key, String name, double[] xs, double[] ys) {
        this(key, name, xs, ys, null, false, false);
    }

    /** A line nobody needs to find (LineKey.OTHER). */
    public ChartSeries(String name, double[] xs, double[] ys) {
        this(LineKey.OTHER, name, xs, ys);
    }

    public ChartSeries styled(String newColor, boolean newDashed) {
        return new ChartSeries(key, name, xs, ys, newColor, newDashed, points);
    }

    /** The same data drawn as markers alone. */
    public ChartSeries asPoints() {
        return new ChartSeries(key, name, xs, ys, color, dashed, true);
    }

    /** The points a log axis can draw: positive values, and NaN breaks in the line. */
    public ChartSeries positiveOnly() {
        int n = 0;
        var keptXs = new double[size()];
        var keptYs = new double[size()];
        for (int i = 0; i < size(); i++) {
            if (ys[i] > 0 || Double.isNaN(ys[i])) {
                keptXs[n] = xs[i];
                keptYs[n++] = ys[i];
            }
        }
        return new ChartSeries(key, name, Arrays.copyOf(keptXs, n), Arrays.copyOf(keptYs, n), color, dashed, points);
    }

    public int size() {
        return xs.length;
    }

    /** 1, 2, …, n: the x values of a line by rank (the top-k) or by layer (the gradients). */
    static double[] ordinals(int n) {
        var xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i + 1;
        }
        return xs;
    }
}
