// The corners a curious student reaches with the sliders: the biggest network, the largest learning rate,
// batches of one or two, a deep sigmoid stack. Each trains or stops with a stated divergence; none throws.
package org.shiftscope.model.train;

import org.shiftscope.model.config.LiveSettings;

import org.shiftscope.model.config.TrainingConfig;

import org.shiftscope.model.config.HessianSettings;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Initialization;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtremeSettingsTest {
    static final int STEPS = 5;

    @ParameterizedTest
    @CsvSource({
            "50, 1024, relu, on, 0.1, 16",     // the largest network the controls allow
            "8, 128, relu, off, 10, 64",       // the largest learning rate of the slider, no BN
            "8, 128, relu, on, 10, 64",        // the same with BN
            "4, 64, tanh, off, 0.1, 1",        // batch 1 without BN
            "4, 64, relu, frozen, 0.1, 1",     // batch 1 with running statistics
            "4, 64, relu, on, 0.1, 2",         // the smallest batch BN's batch statistics accept
            "30, 64, sigmoid, off, 0.5, 32",   // a deep sigmoid stack (vanishing gradients)
    })
    void trainsOrStopsWithAReason(int depth, int width, String activation, String bn, double lr, int batch) {
        var config = new TrainingConfig("synthetic", depth, width, ActivationFunction.parse(activation),
                Initialization.HE, false, batch, STEPS, 1, 2, 0,
                new LiveSettings(lr, 0.9, false, 0, BnMode.parse(bn)), HessianSettings.defaults());
        var session = new TrainingSession(config, TrainingSessionTest.DATA);
        for (int i = 0; i < STEPS && !session.diverged(); i++) {
            var record = session.step();
            assertTrue(record.diverged() || Double.isFinite(record.trainLoss()), "a finite loss or a divergence");
        }
        if (session.diverged()) {
            assertFalse(session.divergence().reason().isBlank());
        } else {
            assertTrue(Double.isFinite(session.evaluateTest().meanLoss()));
        }
    }
}
