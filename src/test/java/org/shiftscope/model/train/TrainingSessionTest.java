// The training engine end to end on the synthetic dataset: determinism, learning, live BN switching,
// divergence handling and the batch-size rule for batch statistics.
package org.shiftscope.model.train;

import org.shiftscope.model.config.LiveSettings;

import org.shiftscope.model.config.TrainingConfig;

import org.shiftscope.model.config.HessianSettings;

import org.junit.jupiter.api.Test;
import org.shiftscope.model.data.Dataset;
import org.shiftscope.model.data.SyntheticData;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Initialization;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingSessionTest {
    static final Dataset DATA = SyntheticData.generate(11);
    static final int STEPS = 60;

    static TrainingConfig config(BnMode mode, double lr, int batch) {
        return new TrainingConfig("synthetic", 3, 32, ActivationFunction.RELU, Initialization.HE, false, batch,
                STEPS, 4, 20, 0, new LiveSettings(lr, 0.9, false, 1e-4, mode),
                new HessianSettings(0, 10, 256, 0));
    }

    static List<StepRecord> run(TrainingSession session, int steps) {
        var records = new ArrayList<StepRecord>();
        for (int i = 0; i < steps; i++) {
            records.add(session.step());
        }
        return records;
    }

    @Test
    void sameSeedAndSettingsGiveBitIdenticalMetrics() {
        var a = run(new TrainingSession(config(BnMode.ON, 0.05, 64), DATA), STEPS);
        var b = run(new TrainingSession(config(BnMode.ON, 0.05, 64), DATA), STEPS);
        for (int i = 0; i < STEPS; i++) {
            StepRecord x = a.get(i);
            StepRecord y = b.get(i);
            assertEquals(Double.doubleToRawLongBits(x.trainLoss()), Double.doubleToRawLongBits(y.trainLoss()), "loss at " + i);
            assertEquals(Double.doubleToRawLongBits(x.testLoss()), Double.doubleToRawLongBits(y.testLoss()), "test loss at " + i);
            for (int l = 0; l < x.pre().length; l++) {
                assertEquals(x.pre()[l], y.pre()[l], "pre stats of layer " + l + " at " + i);
                assertEquals(x.post()[l], y.post()[l], "post stats of layer " + l + " at " + i);
            }
        }
    }

    @Test
    void lossFallsAndTestIsEvaluatedOnSchedule() {
        var records = run(new TrainingSession(config(BnMode.ON, 0.05, 64), DATA), STEPS);
        double first = records.subList(0, 10).stream().mapToDouble(StepRecord::trainLoss).average().orElseThrow();
        double last = records.subList(STEPS - 10, STEPS).stream().mapToDouble(StepRecord::trainLoss).average().orElseThrow();
        assertTrue(last < 0.5 * first, "loss should at least halve: " + first + " → " + last);
        assertTrue(records.get(19).evaluated());
        assertFalse(records.get(18).evaluated());
    }

    @Test
    void switchingBnModeLiveChangesTheNormalizedStatistics() {
        var session = new TrainingSession(config(BnMode.ON, 0.05, 64), DATA);
        var on = run(session, 5).get(4);
        // With batch statistics every unit of the BN output has batch mean β ≈ 0 and variance γ² ≈ 1.
        assertEquals(0.0, on.post()[1].mean(), 0.05);
        assertEquals(BnMode.ON, on.bnMode());
        session.setLiveSettings(session.liveSettings().withBnMode(BnMode.OFF), RunEvent.Cause.USER);
        var off = session.step();
        assertEquals(BnMode.OFF, off.bnMode());
        assertEquals(off.pre()[1].mean(), off.post()[1].mean(), "with BN off the nonlinearity sees z itself");
        assertNotEquals(on.post()[1].variance(), off.post()[1].variance());
    }

    @Test
    void divergenceStopsTheRunWithAReasonInsteadOfThrowing() {
        var session = new TrainingSession(config(BnMode.OFF, 50, 64), DATA);
        StepRecord last = null;
        for (int i = 0; i < STEPS && !session.diverged(); i++) {
            last = session.step();
        }
        assertTrue(session.diverged(), "lr 50 without BN must diverge");
        assertTrue(last.diverged());
        assertEquals(last.step(), session.divergence().step());
        assertFalse(session.divergence().reason().isBlank());
        assertThrows(IllegalStateException.class, session::step);
    }

    @Test
    void batchStatisticsNeedTwoExamples() {
        var error = assertThrows(IllegalArgumentException.class, () -> config(BnMode.ON, 0.1, 1));
        assertTrue(error.getMessage().contains("at least 2"), error.getMessage());
        var session = new TrainingSession(config(BnMode.FROZEN, 0.1, 1), DATA);
        assertThrows(IllegalArgumentException.class,
                () -> session.setLiveSettings(session.liveSettings().withBnMode(BnMode.ON), RunEvent.Cause.USER));
    }
}
