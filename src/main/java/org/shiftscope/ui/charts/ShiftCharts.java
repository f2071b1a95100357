// Draws the board's charts of Page's shift experiments: the classes predicted before and after the perturbation
// and the shift by layer, one chart of each per run (two runs side by side, the perturbation's counts on one
// axis), each with its note; bars stand on zero, a class or layer apart.
package org.shiftscope.ui.charts;

import java.util.List;
import java.util.function.Function;

final class ShiftCharts {
    /** The x range reaches half a bar spacing beyond the first and last class or layer. */
    private static final double HALF_SPACING = 0.5;

    private ShiftCharts() {
    }

    /**
     * Shows the first run's bars in {@code first} and, with two runs, the second's in {@code second}, both titled
     * with their runs; {@code sharedCounts} puts both on one y axis (counts of the same evaluation set).
     */
    static void show(List<ChartRun> runs, LiveChart first, LiveChart second, Function<RunHistory, List<ChartSeries>> bars,
                     Function<RunHistory, String> note, boolean sharedCounts) {
        var charts = runs.size() > 1 ? List.of(first, second) : List.of(first);
        for (int i = 0; i < charts.size(); i++) {
            var history = runs.get(i).history();
            var shown = bars.apply(history);
            charts.get(i).show(shown);
            charts.get(i).setBadge(note.apply(history), false);
            if (shown.size() == 1) {
                charts.get(i).setLegendVisible(false);            // one series: the note says what it is
            }
            if (runs.size() > 1) {
                charts.get(i).setRunLabel(runs.get(i).label());
            }
        }
        double[] sharedY = null;
        for (var chart : charts) {
            sharedY = AxisRanges.union(sharedY, chart.dataRange(false));
        }
        for (var chart : charts) {
            fixRanges(chart, sharedCounts ? sharedY : chart.dataRange(false));
        }
    }

    /** Whole classes or layers on x; y from zero (from the smallest bar on a log axis) to the largest. */
    private static void fixRanges(LiveChart chart, double[] y) {
        double[] x = chart.dataRange(true);
        if (x == null || y == null) {
            return;
        }
        double[] xs = {Math.round(x[0]) - HALF_SPACING, Math.round(x[1]) + HALF_SPACING};
        boolean log = chart.chart().getYAxis().isLogAxis();
        chart.fixRanges(xs, new double[]{log ? y[0] : 0, y[1] > 0 ? y[1] : 1});
    }
}
