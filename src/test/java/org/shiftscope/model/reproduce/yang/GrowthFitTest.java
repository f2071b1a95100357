// The growth fits of `reproduce yang` on synthetic per-layer values with a known rate: exact lines give the
// factor and the power-law exponent back, noisy ones stay within their standard error, and the error itself
// matches the spread of fits over many noisy replicates.
package org.shiftscope.model.reproduce.yang;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GrowthFitTest {
    static final int LAYERS = 32;
    static final int FIRST = 2;
    static final int LAST = 29;
    static final double EXACT = 1e-12;
    /** Noise on ln y per layer, about what five seeds leave on the BN network's curve. */
    static final double LOG_NOISE = 0.05;
    static final int REPLICATES = 400;
    /** The mean standard error and the replicates' spread of slopes agree to this share. */
    static final double ERROR_AGREEMENT = 0.15;
    static final long SEED = 7;

    @Test
    void anExactGeometricSequenceGivesItsFactorBack() {
        double[] logs = geometric(MeanField.BATCH_NORM_GROWTH, 0, new Random(SEED));
        var fit = GrowthFit.fit(logs, FIRST, LAST);
        assertEquals(MeanField.BATCH_NORM_GROWTH, fit.factorPerLayerBack(), EXACT);
        assertEquals(1, fit.exponential().rSquared(), EXACT);
        assertEquals(0, fit.exponential().slopeError(), EXACT);
    }

    @Test
    void anExactPowerLawGivesItsExponentBack() {
        double alpha = 1.04;
        var logs = new double[LAYERS];
        for (int layer = 1; layer <= LAYERS; layer++) {
            logs[layer - 1] = 3 - alpha * Math.log(layer);
        }
        var fit = GrowthFit.fit(logs, FIRST, LAST);
        assertEquals(alpha, fit.powerLawExponent(), EXACT);
        assertEquals(1, fit.powerLaw().rSquared(), EXACT);
        assertTrue(fit.exponential().rSquared() < fit.powerLaw().rSquared(), "a power law is not a straight line in ℓ");
    }

    @Test
    void aNoisyGeometricSequenceIsFittedWithinThreeStandardErrors() {
        var fit = GrowthFit.fit(geometric(MeanField.BATCH_NORM_GROWTH, LOG_NOISE, new Random(SEED)), FIRST, LAST);
        double[] range = fit.factorRange();
        double width = range[1] - range[0];                  // two standard errors, in factor units
        assertEquals(MeanField.BATCH_NORM_GROWTH, fit.factorPerLayerBack(), 1.5 * width);
    }

    @Test
    void theStandardErrorMatchesTheSpreadOfReplicates() {
        var random = new Random(SEED);
        double sum = 0;
        double squares = 0;
        double errors = 0;
        for (int r = 0; r < REPLICATES; r++) {
            var line = GrowthFit.fit(geometric(MeanField.BATCH_NORM_GROWTH, LOG_NOISE, random), FIRST, LAST).exponential();
            sum += line.slope();
            squares += line.slope() * line.slope();
            errors += line.slopeError() / REPLICATES;
        }
        double mean = sum / REPLICATES;
        double spread = Math.sqrt((squares - REPLICATES * mean * mean) / (REPLICATES - 1));
        assertEquals(spread, errors, ERROR_AGREEMENT * spread);
    }

    @Test
    void aRangeOutsideTheLayersOrOfOneLayerIsRefused() {
        double[] logs = geometric(2, 0, new Random(SEED));
        assertThrows(IllegalArgumentException.class, () -> GrowthFit.fit(logs, 0, LAST));
        assertThrows(IllegalArgumentException.class, () -> GrowthFit.fit(logs, FIRST, LAYERS + 1));
        assertThrows(IllegalArgumentException.class, () -> GrowthFit.fit(logs, FIRST, FIRST));
    }

    /** ln y_ℓ of a sequence that grows by {@code factor} per layer going back, plus Gaussian noise of sd {@code noise}. */
    private static double[] geometric(double factor, double noise, Random random) {
        var logs = new double[LAYERS];
        for (int layer = 1; layer <= LAYERS; layer++) {
            logs[layer - 1] = 5 - layer * Math.log(factor) + noise * random.nextGaussian();
        }
        return logs;
    }
}
