// The outlier figures of one Hessian computation, tied to the step and settings it belongs to, so the UI
// never shows a stale result as current. Immutable; safe to hand to other threads.
package org.shiftscope.model.hessian;

import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.config.LiveSettings;
import java.util.Locale;

/**
 * @param step                  training step whose weights were analysed
 * @param generation            BackgroundTrainer generation (rebuild counter) of those weights
 * @param bnMode                BN mode of the loss whose Hessian this is
 * @param settings              optimiser settings at that step (for the stability threshold)
 * @param eigenvalues           top-k eigenvalues, largest first (Hessian of the mean loss; + λ_wd·I if weight decay)
 * @param residuals             ‖Hv − λv‖ per eigenvalue
 * @param meanOverlap           per eigenvector, fraction in the span of ∇(batch means of the C logits)
 * @param meanVarianceOverlap   the same with ∇(batch variances of the logits) added to the span
 * @param gradientShares        per eigenvector v_i, (g·v_i)²/‖g‖² with g the gradient of the same loss: their sum
 *                              is Ghorbani et al.'s share of the gradient in the top-k eigenspace
 * @param iterations            Hessian-vector products used (Lanczos and the float64 Rayleigh–Ritz step)
 * @param converged             whether every float64 residual is within the tolerance of its eigenvalue
 * @param samples               size of the fixed evaluation set
 * @param classes               number of classes C
 * @param seconds               wall-clock time of the computation
 */
public record HessianReport(long step, long generation, BnMode bnMode, LiveSettings settings,
                            double[] eigenvalues, double[] residuals, double[] meanOverlap,
                            double[] meanVarianceOverlap, double[] gradientShares, int iterations, boolean converged,
                            int samples, int classes, double seconds) {

    public double lambdaMax() {
        return eigenvalues[0];
    }

    /** λ1/λC (C = classes, Papyan's outlier count); NaN when fewer than C eigenvalues were computed. */
    public double outlierRatio() {
        return eigenvalues.length >= classes ? eigenvalues[0] / eigenvalues[classes - 1] : Double.NaN;
    }

    /** ‖P_k g‖²/‖g‖²: the share of the gradient lying in the span of the top-k eigenvectors (Ghorbani et al. 2019). */
    public double gradientTopShare() {
        double sum = 0;
        for (double share : gradientShares) {
            sum += share;
        }
        return Math.min(1.0, sum);
    }

    /** The full-batch threshold for λ1 at this step's learning rate and momentum, e.g. 2(1+β)/η. */
    public double curvatureLimit() {
        return StabilityThreshold.curvatureLimit(settings);
    }

    /**
     * "λ1 = …, λ1/λC = …, gradient in top-k = …%, η·λ1 = … (full-batch threshold 2(1+β) = …)": the line the CLI
     * prints and the window shows. The threshold is full-batch gradient descent's on a quadratic, not a verdict
     * on this run: mini-batch SGD often runs healthily at or above it (edge of stability).
     */
    public String summary() {
        return String.format(Locale.ROOT, "λ1 = %.4g, %s, gradient in top-%d = %.0f%%, η·λ1 = %.3g (full-batch threshold %s = %.3g)",
                lambdaMax(), ratioText(), eigenvalues.length, 100 * gradientTopShare(), lrTimesLambdaMax(),
                StabilityThreshold.formula(settings), StabilityThreshold.lrTimesCurvatureLimit(settings));
    }

    /** "λ1/λC = …", or with fewer than C eigenvalues the ratio to the last one computed ("λ1/λ5 = …"). */
    private String ratioText() {
        int rank = Math.min(classes, eigenvalues.length);
        if (rank < 2) {
            return String.format(Locale.ROOT, "λ1/λ%d needs k ≥ %d", classes, classes);
        }
        return String.format(Locale.ROOT, "λ1/λ%d = %.3g", rank, eigenvalues[0] / eigenvalues[rank - 1]);
    }

    /** η·λ1, to compare with {@link StabilityThreshold#lrTimesCurvatureLimit}. */
    public double lrTimesLambdaMax() {
        return settings.learningRate() * lambdaMax();
    }
}
