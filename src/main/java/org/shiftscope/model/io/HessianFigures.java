// The headline figures of a Hessian report, as written into summary.json and hessian.json.
package org.shiftscope.model.io;

import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.hessian.StabilityThreshold;

/**
 * @param step                 step of the analysed weights
 * @param bnMode               BN mode of the loss
 * @param lambdaMax            λ1 of the Hessian of the mean loss
 * @param outlierRatio         λ1/λC (C = classes), null if fewer than C eigenvalues were computed (Ghorbani et al.'s
 *                             first summary number)
 * @param gradientTopShare     ‖P_k g‖²/‖g‖², the share of the loss gradient in the top-k eigenspace (their second)
 * @param curvatureLimit       the optimiser's stability threshold on λ1 (2/η, 2(1+β)/η or the Nesterov form)
 * @param lrTimesLambdaMax     η·λ1
 * @param lrTimesLambdaMaxLimit the bound on η·λ1 (2, 2(1+β) or (2+2β)/(1+2β))
 * @param eigenvalues          the top-k eigenvalues, largest first
 * @param converged            whether every float64 residual is within the tolerance of its eigenvalue
 * @param products             Hessian-vector products used
 * @param seconds              computation time
 */
public record HessianFigures(long step, String bnMode, double lambdaMax, Double outlierRatio, double gradientTopShare,
                             double curvatureLimit, double lrTimesLambdaMax, double lrTimesLambdaMaxLimit,
                             double[] eigenvalues, boolean converged, int products, double seconds) {
    public static HessianFigures of(HessianReport r) {
        double ratio = r.outlierRatio();
        return new HessianFigures(r.step(), r.bnMode().label(), r.lambdaMax(), Double.isNaN(ratio) ? null : ratio,
                r.gradientTopShare(), r.curvatureLimit(), r.lrTimesLambdaMax(),
                StabilityThreshold.lrTimesCurvatureLimit(r.settings()), r.eigenvalues(), r.converged(), r.iterations(),
                r.seconds());
    }
}
