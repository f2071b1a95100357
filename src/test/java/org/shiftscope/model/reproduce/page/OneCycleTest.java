// The one-cycle schedule rises linearly to its peak at 4/20 of the run and falls linearly to 0 at its end.
package org.shiftscope.model.reproduce.page;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OneCycleTest {
    static final double EXACT = 1e-12;

    @Test
    void itPeaksAtAFifthOfTheRunAndEndsNearZero() {
        var schedule = OneCycle.over(2.0, 1000);
        assertEquals(200, schedule.peakStep());
        assertEquals(2.0 * 0.5 / 200, schedule.rate(0), EXACT, "the first step moves");
        assertEquals(2.0 * 100.5 / 200, schedule.rate(100), EXACT);
        assertEquals(2.0 * (1000 - 599.5) / 800, schedule.rate(599), EXACT);
        assertEquals(2.0 * 0.5 / 800, schedule.rate(999), EXACT);
        for (long step = 1; step < 1000; step++) {
            assertTrue(schedule.rate(step) <= 2.0 && schedule.rate(step) > 0, "step " + step);
        }
    }

    @Test
    void aScheduleWithoutRoomToRiseAndFallIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new OneCycle(1, 5, 5));
        assertThrows(IllegalArgumentException.class, () -> new OneCycle(0, 1, 5));
    }
}
