// How points enter a run's decimated lines: a divergence's point is pinned against thinning, a BN switch breaks
// every line with a NaN point (the two modes are different functions), and a line is copied out for a chart.
package org.shiftscope.ui.charts;

import org.shiftscope.model.stats.DecimatedSeries;

import java.util.stream.Stream;

final class SeriesPoints {
    private SeriesPoints() {
    }

    /** A pinned point (of the step at which the run diverged, or beside a break) is kept, whatever thinning does later. */
    static void add(DecimatedSeries series, double step, double value, boolean pinned) {
        if (pinned) {
            series.addPinned(step, value);
        } else {
            series.add(step, value);
        }
    }

    /** Ends every line at x and starts it afresh there: the latest point and a NaN break are kept. */
    static void breakLines(Stream<DecimatedSeries> lines, double x) {
        lines.forEach(line -> {
            if (line.size() > 0) {
                line.pinLatest();
                line.addPinned(x, Double.NaN);
            }
        });
    }

    static ChartSeries series(LineKey key, String name, DecimatedSeries s) {
        return new ChartSeries(key, name, s.xs(), s.ys());
    }
}
