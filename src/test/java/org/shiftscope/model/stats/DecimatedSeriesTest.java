// The bounded chart history: never above capacity, evenly thinned, first and recent points kept.
package org.shiftscope.model.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecimatedSeriesTest {
    static final int CAPACITY = 8;

    @Test
    void keepsEverythingUntilFullThenThinsEvenly() {
        var series = new DecimatedSeries(CAPACITY);
        for (int i = 0; i < CAPACITY; i++) {
            series.add(i, 10 * i);
        }
        assertArrayEquals(new double[]{0, 1, 2, 3, 4, 5, 6, 7}, series.xs());
        for (int i = CAPACITY; i < 100; i++) {
            series.add(i, 10 * i);
            assertTrue(series.size() <= CAPACITY);
        }
        double[] xs = series.xs();
        assertEquals(0, xs[0], "the first point stays");
        double gap = xs[1] - xs[0];
        for (int i = 1; i < xs.length; i++) {
            assertEquals(gap, xs[i] - xs[i - 1], "even spacing");
        }
        assertTrue(xs[xs.length - 1] > 100 - 2 * gap, "recent points are kept");
        assertEquals(10 * xs[xs.length - 1], series.lastY());
        series.clear();
        assertEquals(0, series.size());
        assertTrue(Double.isNaN(series.lastY()));
    }
}
