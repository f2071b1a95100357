// The one-line summary the CLI prints and the window shows: η·λ1 beside the full-batch threshold for the
// optimiser's momentum rule, never called "stable", and an outlier ratio it can actually give when k < C.
package org.shiftscope.model.hessian;

import org.junit.jupiter.api.Test;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.config.LiveSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HessianReportTest {
    private static final int CLASSES = 10;
    private static final double TOLERANCE = 1e-12;

    private static HessianReport report(LiveSettings settings, double... eigenvalues) {
        int k = eigenvalues.length;
        return new HessianReport(100, 0, settings.bnMode(), settings, eigenvalues, new double[k], new double[k],
                new double[k], new double[k], 2 * k, true, 1000, CLASSES, 1.0);
    }

    private static LiveSettings sgd(double learningRate, double momentum, boolean nesterov) {
        return new LiveSettings(learningRate, momentum, nesterov, 0, BnMode.ON);
    }

    @Test
    void theSummaryGivesTheFullBatchThresholdWithoutCallingItStable() {
        var r = report(sgd(0.5, 0, false), 7.04, 4, 3, 2, 2, 2, 2, 2, 2, 1.6);
        String line = r.summary();
        assertTrue(line.contains("η·λ1 = 3.52 (full-batch threshold 2(1+β) = 2.00)"), line);
        assertTrue(line.contains("λ1/λ10 = 4.40"), line);
        assertFalse(line.contains("stable"), line);
    }

    @Test
    void momentumRaisesTheThresholdAndNesterovNamesItsOwnFormula() {
        var heavyBall = report(sgd(0.1, 0.9, false), 10, 5);
        assertEquals(3.8, StabilityThreshold.lrTimesCurvatureLimit(heavyBall.settings()), TOLERANCE);
        assertTrue(heavyBall.summary().contains("(full-batch threshold 2(1+β) = 3.80)"), heavyBall.summary());
        var nesterov = report(sgd(0.1, 0.5, true), 10, 5);
        assertEquals(1.5, StabilityThreshold.lrTimesCurvatureLimit(nesterov.settings()), TOLERANCE);
        assertTrue(nesterov.summary().contains("(full-batch threshold (2+2β)/(1+2β) = 1.50)"), nesterov.summary());
    }

    @Test
    void withFewerEigenvaluesThanClassesTheRatioIsToTheLastOneComputed() {
        var five = report(sgd(0.01, 0, false), 200, 150, 120, 100, 80);
        assertTrue(five.summary().contains("λ1/λ5 = 2.50"), five.summary());
        assertFalse(five.summary().contains("n/a"), five.summary());
        var one = report(sgd(0.01, 0, false), 200);
        assertTrue(one.summary().contains("λ1/λ10 needs k ≥ 10"), one.summary());
    }
}
