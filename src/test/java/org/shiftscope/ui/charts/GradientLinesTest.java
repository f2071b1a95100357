// The gradient chart's lines: each layer's norm at its depth (1 = the first stage), the first step dashed and
// the latest in the theme's colour, the very numbers the step records carry; nothing before a step.
package org.shiftscope.ui.charts;

import org.junit.jupiter.api.Test;
import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.config.NetworkShape;
import org.shiftscope.model.net.Architecture;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.stats.LayerStats;
import org.shiftscope.model.train.StepRecord;
import org.shiftscope.ui.look.Palette;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradientLinesTest {
    static final LiveSettings SETTINGS = new LiveSettings(0.1, 0, false, 0, BnMode.ON);

    static final LayerStats[] LAYERS = {new LayerStats(0, 1, 0.9, 0.1, -1, 0, 1, 0.01)};

    static StepRecord step(long step, double... norms) {
        return new StepRecord(step, SETTINGS, 1, 0.5, Double.NaN, Double.NaN, LAYERS, LAYERS, norms, null);
    }

    @Test
    void theFirstStepInInkAndTheLatestAtEachLayersDepth() {
        var history = new RunHistory(NetworkShape.mlpWithBatchNorm().withArchitecture(Architecture.CONVNET));
        assertTrue(history.convolutional());
        assertTrue(history.gradientSeries().isEmpty(), "nothing before a step");

        history.add(step(1, 1.6, 0.8, 0.2));
        var first = history.gradientSeries();
        assertEquals(1, first.size(), "one step: its line alone");
        assertArrayEquals(new double[]{1, 2, 3}, first.get(0).xs());
        assertArrayEquals(new double[]{1.6, 0.8, 0.2}, first.get(0).ys());

        history.add(step(2, 1.0, 0.9, 0.3));
        history.add(step(3, 0.7, 0.6, 0.5));
        var lines = history.gradientSeries();
        assertEquals(2, lines.size());
        var latest = LineKey.of(LineKey.Kind.GRADIENTS_LATEST).find(lines).orElseThrow();
        var initial = LineKey.of(LineKey.Kind.GRADIENTS_FIRST).find(lines).orElseThrow();
        assertArrayEquals(new double[]{0.7, 0.6, 0.5}, latest.ys());
        assertEquals("step 3", latest.name());
        assertFalse(latest.dashed());
        assertArrayEquals(new double[]{1.6, 0.8, 0.2}, initial.ys());
        assertEquals("step 1", initial.name());
        assertEquals(Palette.INK, initial.color(), "in ink, so that a second run's may be dashed");
    }

    @Test
    void anMlpHasNoGradientChart() {
        assertFalse(new RunHistory(NetworkShape.mlpWithBatchNorm()).convolutional());
    }
}
