// Frame statistics from AnimationTimer pulse times: frames per second over a sliding one-second window, and
// the median and 99th percentile of the intervals between pulses over the last few hundred frames.
package org.shiftscope.ui.main;

import org.shiftscope.model.stats.Percentiles;

import java.util.ArrayDeque;

final class FrameRate {
    private static final long WINDOW_NANOS = 1_000_000_000L;
    /** Frame intervals kept for the percentiles. */
    static final int INTERVALS = 600;

    private final ArrayDeque<Long> times = new ArrayDeque<>();
    private final double[] intervals = new double[INTERVALS];
    private int recorded;
    private long previous = -1;

    void record(long now) {
        times.addLast(now);
        while (!times.isEmpty() && now - times.peekFirst() > WINDOW_NANOS) {
            times.removeFirst();
        }
        if (previous >= 0) {
            intervals[recorded++ % INTERVALS] = (now - previous) / 1e6;
        }
        previous = now;
    }

    double perSecond() {
        return times.size() < 2 ? 0 : (times.size() - 1) * 1e9 / (times.peekLast() - times.peekFirst());
    }

    /** A percentile (fraction in [0, 1]) of the recent frame intervals, in milliseconds; NaN before two frames. */
    double intervalPercentileMs(double fraction) {
        int n = Math.min(recorded, INTERVALS);
        if (n == 0) {
            return Double.NaN;
        }
        var window = new double[n];
        System.arraycopy(intervals, 0, window, 0, n);
        return Percentiles.of(window, fraction);
    }
}
