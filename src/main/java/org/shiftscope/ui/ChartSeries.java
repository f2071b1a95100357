// One named line of a chart, as plain arrays copied out of a history (never written after construction),
// with an optional colour (CSS hex) and dash style; null colour = the chart's palette.
package org.shiftscope.ui;

/** @param name legend text @param xs x values @param ys y values, same length */
public record ChartSeries(String name, double[] xs, double[] ys, String color, boolean dashed) {
    public ChartSeries(String name, double[] xs, double[] ys) {
        this(name, xs, ys, null, false);
    }

    public ChartSeries styled(String newColor, boolean newDashed) {
        return new ChartSeries(name, xs, ys, newColor, newDashed);
    }

    public int size() {
        return xs.length;
    }
}
