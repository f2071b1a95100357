// One named line of a chart, as plain arrays copied out of a history (never written after construction),
// with an optional colour (CSS hex) and dash style; null colour = the chart's palette. A series of points
// is drawn as markers without a line (the top-k eigenvalues on the density curve).
package org.shiftscope.ui.charts;

/**
 * @param name legend text @param xs x values @param ys y values, same length
 * @param points markers only, no line
 */
public record ChartSeries(String name, double[] xs, double[] ys, String color, boolean dashed, boolean points) {
    public ChartSeries(String name, double[] xs, double[] ys) {
        this(name, xs, ys, null, false, false);
    }

    public ChartSeries(String name, double[] xs, double[] ys, String color, boolean dashed) {
        this(name, xs, ys, color, dashed, false);
    }

    public ChartSeries styled(String newColor, boolean newDashed) {
        return new ChartSeries(name, xs, ys, newColor, newDashed, points);
    }

    public ChartSeries renamed(String newName) {
        return new ChartSeries(newName, xs, ys, color, dashed, points);
    }

    /** The same data drawn as markers alone. */
    public ChartSeries asPoints() {
        return new ChartSeries(name, xs, ys, color, dashed, true);
    }

    public int size() {
        return xs.length;
    }
}
