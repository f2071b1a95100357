// The settings of one `reproduce page` experiment: Page's protocol ("How to train your ResNet 7") scaled to a net
// that trains here. Nesterov 0.9, weight decay 5e-4, Softplus(β = 10), one-cycle, measured halfway.
package org.shiftscope.model.reproduce.page;

import org.shiftscope.model.net.Architecture;
import org.shiftscope.model.config.HessianSettings;
import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.config.NetworkShape;
import org.shiftscope.model.net.Normalization;
import org.shiftscope.model.config.TrainingConfig;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Initialization;

/**
 * @param dataset        fashion-mnist (embedded), synthetic or a folder, as for train
 * @param architecture   mlp or convnet
 * @param depth          hidden layers (convnet: stages)
 * @param width          units (convnet: the first stage's channels)
 * @param batch          examples per step, and per batch-statistics group in the Hessian of the BN net
 * @param steps          the one-cycle run's length; the nets are measured after half of it, as Page's after 10 of 20 epochs
 * @param bnPeak         the BN net's largest learning rate
 * @param samples        examples of the fixed evaluation set the Hessian and the statistics are taken over
 * @param topK           eigenvalues per net (Page: 25)
 * @param iterations     Lanczos products at most per Hessian
 * @param fraction       the perturbation's size as a fraction of the parameter norm (Page: 1%)
 * @param perturbedClass the class whose batch-mean logit gradient is the shift direction (Page: class 0)
 * @param seed           weights, data order and evaluation set
 */
public record PageProtocol(String dataset, Architecture architecture, int depth, int width, int batch, int steps,
                           double bnPeak, int samples, int topK, int iterations, double fraction, int perturbedClass,
                           long seed) {
    public static final double MOMENTUM = 0.9;
    public static final double WEIGHT_DECAY = 5e-4;
    /** The no-BN net's candidate peaks go down from the BN net's by this factor. */
    public static final double SEARCH_FACTOR = 2;
    /** Candidates tried at most, the BN peak first. */
    public static final int SEARCH_CANDIDATES = 8;

    public PageProtocol {
        if (architecture == Architecture.RESNET) {
            throw new IllegalArgumentException("reproduce page runs Page's plain nets: --arch mlp or convnet");
        }
        if (steps < 10 || topK < 11 || iterations < topK || !(fraction > 0) || perturbedClass < 0) {
            throw new IllegalArgumentException("reproduce page needs at least 10 steps, top-k ≥ 11 (λ11 is in Page's "
                    + "table), Lanczos products ≥ top-k, a positive fraction and a class ≥ 0");
        }
    }

    /** The defaults of `reproduce page --arch mlp|convnet`: ≤ 10 minutes here for the MLP. */
    public static PageProtocol defaults(Architecture architecture) {
        return architecture == Architecture.CONVNET
                ? new PageProtocol("fashion-mnist", architecture, 3, 8, 128, 600, 0.4, 256, 25, 80, 0.01, 0, 1)
                : new PageProtocol("fashion-mnist", architecture, 4, 128, 128, 1000, 1.0, 512, 25, 100, 0.01, 0, 1);
    }

    /** The step the nets are measured at. */
    public int measureStep() {
        return steps / 2;
    }

    /** The training config of one of the nets, which runs to the measurement step. */
    public TrainingConfig config(boolean batchNorm, double peak) {
        var shape = new NetworkShape(architecture, batchNorm ? Normalization.BATCH : Normalization.NONE, 0,
                NetworkShape.DEFAULT_GROUPS);
        var settings = new LiveSettings(OneCycle.over(peak, steps).rate(0), MOMENTUM, true, WEIGHT_DECAY,
                batchNorm ? BnMode.ON : BnMode.OFF);
        return new TrainingConfig(dataset, shape, depth, width, ActivationFunction.SOFTPLUS10, Initialization.HE, false,
                batch, measureStep(), seed, Integer.MAX_VALUE, 0, settings,
                new HessianSettings(0, topK, samples, iterations));
    }
}
