// Everything measured at one training step: an immutable value of primitives and records (arrays are
// never written after construction), safe to hand to the UI thread or a file writer.
package org.shiftscope.model.train;

import org.shiftscope.model.config.LiveSettings;

import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.stats.LayerStats;

/**
 * @param step          1-based index of the step just taken
 * @param settings      the settings of this step: η and momentum of its update, the BN mode of its forward pass
 * @param trainLoss     mean cross-entropy on this step's mini-batch, before the update
 * @param trainAccuracy fraction of this mini-batch classified correctly, before the update
 * @param testLoss      mean cross-entropy on the test split after the update, NaN if not evaluated this step
 * @param testAccuracy  test accuracy after the update, NaN if not evaluated this step
 * @param pre           per hidden layer, statistics of z = x·W + b (before BN)
 * @param post          per hidden layer, statistics of the nonlinearity's input (the BN output; z when BN is off)
 * @param gradientNorms per weight layer in forward order (each stage's, then the classifier's), ‖∂loss/∂W‖ on
 *                      this step's mini-batch: how the gradient reaches each depth (Yang et al. 2019)
 * @param divergence    set when this step diverged, else null
 */
public record StepRecord(long step, LiveSettings settings, double trainLoss, double trainAccuracy,
                         double testLoss, double testAccuracy, LayerStats[] pre, LayerStats[] post,
                         double[] gradientNorms, Divergence divergence) {

    /** η used for this step's update. */
    public double learningRate() {
        return settings.learningRate();
    }

    /** BN mode of this step's forward pass. */
    public BnMode bnMode() {
        return settings.bnMode();
    }

    public boolean evaluated() {
        return !Double.isNaN(testLoss);
    }

    public boolean diverged() {
        return divergence != null;
    }
}
