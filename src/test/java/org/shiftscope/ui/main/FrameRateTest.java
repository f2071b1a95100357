// Frame statistics on synthetic pulse times.
package org.shiftscope.ui.main;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FrameRateTest {
    static final long FRAME_NANOS = 16_666_667L;
    static final double TOLERANCE = 1e-6;

    @Test
    void steadySixtyHertzWithOneLongFrame() {
        var rate = new FrameRate();
        long t = 0;
        for (int i = 0; i < 200; i++) {
            t += i == 100 ? 10 * FRAME_NANOS : FRAME_NANOS;
            rate.record(t);
        }
        assertEquals(60.0, rate.perSecond(), 0.5);
        assertEquals(FRAME_NANOS / 1e6, rate.intervalPercentileMs(0.5), TOLERANCE);
        assertEquals(10 * FRAME_NANOS / 1e6, rate.intervalPercentileMs(1.0), TOLERANCE);
    }
}
