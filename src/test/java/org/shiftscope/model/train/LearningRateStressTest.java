// The stress test's schedule and its verdict on hand-made records.
package org.shiftscope.model.train;

import org.shiftscope.model.config.LiveSettings;

import org.junit.jupiter.api.Test;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.stats.LayerStats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LearningRateStressTest {
    static final double TOLERANCE = 1e-12;
    static final int EVERY = 4;

    static StepRecord record(long step, double lr, double loss, boolean diverged) {
        return new StepRecord(step, new LiveSettings(lr, 0, false, 0, BnMode.ON), loss, 0.5, Double.NaN, Double.NaN, new LayerStats[0],
                new LayerStats[0], new double[0], diverged ? new Divergence(step, "test") : null);
    }

    @Test
    void learningRateGrowsByTheFactorEveryStretch() {
        var stress = new LearningRateStress(0.01, Math.sqrt(2), 200, 10, 10);
        assertEquals(0.01, stress.learningRateAt(0), TOLERANCE);
        assertEquals(0.01, stress.learningRateAt(199), TOLERANCE);
        assertEquals(0.01 * Math.sqrt(2), stress.learningRateAt(200), TOLERANCE);
        assertEquals(0.02, stress.learningRateAt(400), TOLERANCE);
        assertFalse(stress.finishedAt(0));
        // 0.01·√2^k > 10 first at k = 20 (0.01·2^10 = 10.24)
        assertFalse(stress.finishedAt(19 * 200));
        assertTrue(stress.finishedAt(20 * 200));
    }

    @Test
    void theLargestStretchWithMeanLossBelowChanceIsReported() {
        var stress = new LearningRateStress(0.1, 2, EVERY, 100, 10);    // chance level ln 10 ≈ 2.30
        long step = 0;
        double[] losses = {2.0, 1.0, 0.5, 3.0};                          // per stretch: healthy, healthy, healthy, not
        for (double loss : losses) {
            for (int i = 0; i < EVERY; i++) {
                double lr = stress.learningRateAt(step);
                stress.record(record(++step, lr, loss, false));
            }
        }
        assertEquals(0.4, stress.maxStableLearningRate(), TOLERANCE);
        stress.record(record(++step, stress.learningRateAt(step - 1), Double.NaN, true));
        assertEquals(0.4, stress.maxStableLearningRate(), TOLERANCE, "a divergence does not change the verdict");
        assertTrue(Double.isNaN(new LearningRateStress(1, 2, EVERY, 100, 10).maxStableLearningRate()));
    }
}
