// The largest curvature SGD can follow without diverging on a quadratic: η·λ < 2 for plain SGD,
// η·λ < 2(1+β) with heavy-ball momentum, η·λ < (2+2β)/(1+2β) with Nesterov momentum (docs/science.md step 5;
// Goh, "Why Momentum Really Works", Distill 2017; Cohen et al. 2021, arXiv 2103.00065).
package org.shiftscope.model.hessian;

import org.shiftscope.model.train.OptimizerSettings;

public final class StabilityThreshold {
    private StabilityThreshold() {
    }

    /** The bound on η·λ for the optimiser's momentum rule. */
    public static double lrTimesCurvatureLimit(OptimizerSettings settings) {
        double beta = settings.momentum();
        if (beta == 0) {
            return 2;
        }
        return settings.nesterov() ? (2 + 2 * beta) / (1 + 2 * beta) : 2 * (1 + beta);
    }

    /** The largest stable λ at the optimiser's learning rate: the line λ1 is plotted against. */
    public static double curvatureLimit(OptimizerSettings settings) {
        return lrTimesCurvatureLimit(settings) / settings.learningRate();
    }
}
