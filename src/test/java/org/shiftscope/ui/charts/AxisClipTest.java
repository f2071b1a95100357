// The clip of a y axis: a line without outliers is not clipped; a peak far above the body and a trough far below
// it are cut off, each named by a marker at its step with its value; on a log axis the body is taken in decades.
package org.shiftscope.ui.charts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AxisClipTest {
    static final int POINTS = 500;

    static ChartSeries line(double spikeAt, double spike) {
        var xs = new double[POINTS];
        var ys = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            xs[i] = i + 1;
            ys[i] = i + 1 == spikeAt ? spike : 1 + 0.1 * Math.sin(i);
        }
        return new ChartSeries("loss", xs, ys);
    }

    @Test
    void aQuietLineIsNotClipped() {
        var clip = AxisClip.of(List.of(line(-1, 0)), false, v -> Double.toString(v));
        assertNull(clip.range());
        assertEquals(List.of(), clip.markers());
    }

    @Test
    void aPeakAndATroughAreCutOffAndNamed() {
        var clip = AxisClip.of(List.of(line(300, 432), line(100, -2404)), false, v -> Double.toString(v));
        assertTrue(clip.range()[1] < 2 && clip.range()[0] > -1, "the body of the lines: " + clip.range()[0] + " to " + clip.range()[1]);
        assertEquals(List.of(new EventMarker.Spec(300, "↑ 432.0 (off the chart)", true),
                new EventMarker.Spec(100, "↓ -2404.0 (off the chart)", true)), clip.markers());
    }

    @Test
    void onALogAxisNonPositiveValuesDoNotCountAndTheBodyIsInDecades() {
        var clip = AxisClip.of(List.of(line(300, 4.5e4), line(200, -5)), true, v -> Double.toString(v));
        assertEquals(List.of(new EventMarker.Spec(300, "↑ 45000.0 (off the chart)", true)), clip.markers());
        assertTrue(clip.range()[1] < 10, "top " + clip.range()[1]);
    }
}
