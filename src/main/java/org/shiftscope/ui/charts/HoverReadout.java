// The text box a chart shows while the mouse is over its plot: the exact value of every line at the point
// nearest to the mouse's x (ChartFX's own tooltip needs a near hit on a line).
package org.shiftscope.ui.charts;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

final class HoverReadout extends Label {
    HoverReadout() {
        getStyleClass().add("chart-readout");
        setMouseTransparent(true);
        setVisible(false);
        StackPane.setAlignment(this, Pos.TOP_RIGHT);
        StackPane.setMargin(this, new Insets(26, 12, 0, 0));
    }

    /** Shows each line's value at its point nearest to {@code x}, after the x axis' name and that point's x. */
    void showAt(List<ChartSeries> lines, String xName, double x) {
        var text = new StringBuilder();
        double nearestX = Double.NaN;
        for (ChartSeries s : lines) {
            int i = nearestIndex(s.xs(), x);
            if (Double.isNaN(s.ys()[i])) {
                i = i > 0 ? i - 1 : Math.min(i + 1, s.size() - 1);    // the point beside a break in the line
            }
            if (Double.isNaN(nearestX)) {
                nearestX = s.xs()[i];
                text.append(xName).append(' ').append(format(nearestX));
            }
            text.append('\n').append(s.name()).append(": ").append(format(s.ys()[i]));
            if (s.xs()[i] != nearestX) {
                text.append(" (at ").append(format(s.xs()[i])).append(')');
            }
        }
        setText(text.toString());
        setVisible(!lines.isEmpty());
    }

    private static int nearestIndex(double[] sortedXs, double x) {
        int i = Arrays.binarySearch(sortedXs, x);
        if (i >= 0) {
            return i;
        }
        int after = Math.min(-i - 1, sortedXs.length - 1);
        int before = Math.max(after - 1, 0);
        return Math.abs(sortedXs[before] - x) <= Math.abs(sortedXs[after] - x) ? before : after;
    }

    /** A whole number as such, anything else to five significant digits. */
    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.5g", value);
    }
}
