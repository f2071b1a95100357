// One named line of a chart, as plain arrays copied out of a history (never written after construction).
package org.shiftscope.ui;

/** @param name legend text @param xs x values @param ys y values, same length */
public record ChartSeries(String name, double[] xs, double[] ys) {
    public int size() {
        return xs.length;
    }
}
