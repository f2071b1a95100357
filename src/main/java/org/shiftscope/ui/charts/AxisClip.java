// Where a chart's y axis should end so a blow-up (a divergence) does not squash the rest of the run flat: the
// axis covers the lines' body (2nd to 98th percentile of their points); a peak far above it or a trough far
// below is cut off and named by a marker at its step. Runs on every update, so it reads the points once.
package org.shiftscope.ui.charts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleFunction;

final class AxisClip {
    /** Values above this quantile of a line's points (or below the low one) count as its body. */
    static final double QUANTILE = 0.98;
    /** A peak further than this many body spans beyond the body is clipped (on a log axis: spans of log10). */
    static final double SPANS = 1.5;
    /** Room left beyond the body when clipped, in body spans. */
    static final double HEADROOM = 0.25;
    /** The smallest body span on a log axis (decades), so a flat line is not clipped by its noise. */
    static final double MIN_LOG_SPAN = 0.1;

    /** The y range to fix (null: no clip) and a marker for each clipped extreme. */
    record Result(double[] range, List<EventMarker.Spec> markers) {
        static final Result NONE = new Result(null, List.of());
    }

    private AxisClip() {
    }

    /** @param logY the axis is logarithmic (non-positive values are not drawn and do not count) */
    static Result of(List<ChartSeries> lines, boolean logY, DoubleFunction<String> format) {
        int total = lines.stream().mapToInt(ChartSeries::size).sum();
        var scaled = new double[total];                // y on the axis scale, of the points that are drawn
        int n = 0;
        double peakX = 0;
        double peakY = 0;                              // as drawn, for the marker's text
        double peak = Double.NEGATIVE_INFINITY;        // on the axis scale
        double troughX = 0;
        double troughY = 0;
        double trough = Double.POSITIVE_INFINITY;
        for (ChartSeries s : lines) {
            for (int i = 0; i < s.size(); i++) {
                double y = s.ys()[i];
                if (!Double.isFinite(y) || logY && y <= 0) {
                    continue;
                }
                double v = logY ? Math.log10(y) : y;
                if (v > peak) {                        // the first of equal extremes, as before
                    peak = v;
                    peakX = s.xs()[i];
                    peakY = y;
                }
                if (v < trough) {
                    trough = v;
                    troughX = s.xs()[i];
                    troughY = y;
                }
                scaled[n++] = v;
            }
        }
        if (n < 2) {
            return Result.NONE;
        }
        double[] sorted = Arrays.copyOf(scaled, n);
        Arrays.sort(sorted);
        double bodyLow = sorted[(int) Math.floor((1 - QUANTILE) * (n - 1))];
        double bodyHigh = sorted[(int) Math.ceil(QUANTILE * (n - 1))];
        double span = Math.max(bodyHigh - bodyLow, logY ? MIN_LOG_SPAN : Math.abs(bodyHigh) * 0.01 + 1e-12);
        double top = peak;
        double bottom = trough;
        var markers = new ArrayList<EventMarker.Spec>();
        if (top > bodyHigh + SPANS * span) {
            top = bodyHigh + HEADROOM * span;
            markers.add(new EventMarker.Spec(peakX, "↑ " + format.apply(peakY) + " (off the chart)", true));
        }
        if (bottom < bodyLow - SPANS * span) {
            bottom = bodyLow - HEADROOM * span;
            markers.add(new EventMarker.Spec(troughX, "↓ " + format.apply(troughY) + " (off the chart)", true));
        }
        if (markers.isEmpty()) {
            return Result.NONE;
        }
        return new Result(logY ? new double[]{Math.pow(10, bottom), Math.pow(10, top)} : new double[]{bottom, top},
                List.copyOf(markers));
    }
}
