// Full-batch gradient descent's threshold on a quadratic: it converges along a direction of curvature λ only
// while η·λ < 2 (heavy-ball momentum β: 2(1+β); Nesterov: (2+2β)/(1+2β)); a reference line, not a hard limit
// (docs/science.md step 5; Goh, "Why Momentum Really Works", Distill 2017; Cohen et al. 2021, arXiv 2103.00065).
package org.shiftscope.model.hessian;

import org.shiftscope.model.config.LiveSettings;

/** Mini-batch SGD often trains at or above this threshold. */
public final class StabilityThreshold {
    private StabilityThreshold() {
    }

    /** The threshold on η·λ for the optimiser's momentum rule. */
    public static double lrTimesCurvatureLimit(LiveSettings settings) {
        double beta = settings.momentum();
        if (beta == 0) {
            return 2;
        }
        return settings.nesterov() ? (2 + 2 * beta) / (1 + 2 * beta) : 2 * (1 + beta);
    }

    /** The threshold for λ at the optimiser's learning rate, e.g. 2(1+β)/η: the line λ1 is plotted against. */
    public static double curvatureLimit(LiveSettings settings) {
        return lrTimesCurvatureLimit(settings) / settings.learningRate();
    }

    /** How {@link #lrTimesCurvatureLimit} is computed, for labels: "2(1+β)", or "(2+2β)/(1+2β)" with Nesterov. */
    public static String formula(LiveSettings settings) {
        return settings.nesterov() ? "(2+2β)/(1+2β)" : "2(1+β)";
    }
}
