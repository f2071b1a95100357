// The schedule a run follows by itself: the stress test's η per step, scenario changes applied exactly once
// at their step, and the end of the stress test.
package org.shiftscope.model.train;

import org.shiftscope.model.config.LiveSettings;

import org.shiftscope.model.config.StressSettings;

import org.junit.jupiter.api.Test;
import org.shiftscope.model.net.BnMode;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsScheduleTest {
    static final double TOLERANCE = 1e-12;
    static final LiveSettings START = new LiveSettings(0.1, 0, false, 0, BnMode.ON);

    @Test
    void aScheduledChangeAppliesOnceWhenItsStepHasBeenTaken() {
        var schedule = new SettingsSchedule(List.of(new ScheduledChange(600, BnMode.FROZEN, null),
                new ScheduledChange(10, null, 0.25)), null);
        var settings = START;
        for (long taken = 0; taken < 1000; taken++) {
            settings = schedule.settingsFor(taken, settings);
            assertEquals(taken == 10 || taken == 600, schedule.changesAt(taken), "step " + taken);
            assertEquals(taken >= 600 ? BnMode.FROZEN : BnMode.ON, settings.bnMode(), "step " + taken);
            assertEquals(taken >= 10 ? 0.25 : 0.1, settings.learningRate(), TOLERANCE, "step " + taken);
        }
        var byHand = schedule.settingsFor(1000, settings.withBnMode(BnMode.ON));
        assertEquals(BnMode.ON, byHand.bnMode(), "a change by hand after the scheduled step is not undone");
        assertFalse(schedule.hasStress());
        assertFalse(schedule.finishedAt(1_000_000));
    }

    @Test
    void theStressTestSetsEachStepsLearningRateAndEndsPastItsLimit() {
        var stress = LearningRateStress.startingAt(new StressSettings(2, 5, 1), 0.1, 10);
        var schedule = new SettingsSchedule(List.of(), stress);
        assertEquals(0.1, schedule.settingsFor(0, START).learningRate(), TOLERANCE);
        assertEquals(0.1, schedule.settingsFor(4, START).learningRate(), TOLERANCE);
        assertEquals(0.2, schedule.settingsFor(5, START).learningRate(), TOLERANCE);
        assertEquals(0.8, schedule.settingsFor(15, START).learningRate(), TOLERANCE);
        assertFalse(schedule.finishedAt(19));
        assertTrue(schedule.finishedAt(20), "1.6 > the limit 1");
        assertTrue(schedule.stretchEndsAt(5) && schedule.stretchEndsAt(10) && !schedule.stretchEndsAt(7));
        for (long step = 1; step <= 15; step++) {
            double lr = stress.learningRateAt(step - 1);
            schedule.record(LearningRateStressTest.record(step, lr, step <= 10 ? 1.0 : 9.0, false));
        }
        assertEquals(0.2, schedule.maxStableLearningRate(), TOLERANCE, "stretches at 0.1 and 0.2 were healthy, 0.4 not");
    }

    @Test
    void stressSettingsRefuseNonsenseAndStartAtTheRunsLearningRate() {
        assertEquals("stress factor must be between 1.01 and 10 (got 1)",
                assertThrows(IllegalArgumentException.class, () -> new StressSettings(1, 200, 10)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new StressSettings(2, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new StressSettings(2, 10, 1e9));
        assertEquals(0.01, LearningRateStress.startingAt(new StressSettings(2, 10, 5), 0.01, 10).learningRateAt(0), TOLERANCE);
        assertFalse(LearningRateStress.startingAt(new StressSettings(2, 10, 0.001), 0.01, 10).finishedAt(0),
                "a limit below the start is raised to it: one stretch runs");
    }
}
