// One net measured at one step: the top-K Hessian eigenpairs with Ghorbani, Krishnan & Xiao's two summary numbers
// (λ1/λK and ‖P_K g‖²/‖g‖², K = classes), the smoothed spectral density, and how well the net does at that step.
package org.shiftscope.model.reproduce.ghorbani;

import org.shiftscope.model.hessian.DensityReport;
import org.shiftscope.model.hessian.HessianReport;

/**
 * @param net          which net (BN frozen: the BN net's weights with population statistics)
 * @param step         training steps taken by the weights
 * @param hessian      the top-K eigenvalues (K = classes) of the mean loss over the evaluation set
 * @param density      the smoothed spectral density of the same Hessian
 * @param parameters   the Hessian's dimension n
 * @param evalLoss     the mean loss over the evaluation set in the measured mode
 * @param testAccuracy accuracy on the test split, inference mode (BN with running statistics)
 */
public record Measurement(NetVariant net, long step, HessianReport hessian, DensityReport density, int parameters,
                          double evalLoss, double testAccuracy) {

    public double lambdaMax() {
        return hessian.lambdaMax();
    }

    /** λK, the K-th largest eigenvalue (K = classes); NaN if Lanczos found fewer. */
    public double lambdaK() {
        double[] eigenvalues = hessian.eigenvalues();
        return eigenvalues.length >= hessian.classes() ? eigenvalues[hessian.classes() - 1] : Double.NaN;
    }

    /** λ1/λK: large when a few outliers stand above the rest. */
    public double outlierRatio() {
        return hessian.outlierRatio();
    }

    /** ‖P_K g‖²/‖g‖²: the share of the evaluation-set gradient in the top-K eigenspace. */
    public double gradientShare() {
        return hessian.gradientTopShare();
    }

    /** The density's mass within a factor 10 of λ1 (SpectralMass.nearTop). */
    public double topDecadeMass() {
        return SpectralMass.nearTop(density.estimate(), lambdaMax());
    }

    /** The same as a count of eigenvalues, mass × n: about K or fewer when the top of the spectrum is outliers alone. */
    public double topDecadeCount() {
        return topDecadeMass() * parameters;
    }
}
