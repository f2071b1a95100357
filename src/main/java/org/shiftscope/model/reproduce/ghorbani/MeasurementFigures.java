// One net at one step as report.json writes it: the paper's two summary numbers, the top-K spectrum, the density's
// figures and file, and how well the net does (Ghorbani, Krishnan & Xiao 2019).
package org.shiftscope.model.reproduce.ghorbani;

import org.shiftscope.model.io.DensityFigures;

/**
 * @param net              "bn-on", "no-bn" or "bn-frozen"
 * @param step             training steps taken by the weights
 * @param lambda1          the largest eigenvalue
 * @param lambdaK          the K-th largest (K = classes)
 * @param outlierRatio     λ1/λK
 * @param gradientTopShare ‖P_K g‖²/‖g‖², g the gradient of the same loss
 * @param topDecadeMass    the density's mass within a factor 10 of λ1
 * @param topDecadeCount   the same times the parameters: eigenvalues ≥ λ1/10, as SLQ estimates them
 * @param eigenvalues      the top K, largest first
 * @param residuals        ‖Hv − λv‖ of each
 * @param converged        every residual within the tolerance of its eigenvalue
 * @param parameters       n, the Hessian's dimension
 * @param evalLoss         the mean loss over the evaluation set in the measured mode
 * @param testAccuracy     test accuracy in inference mode
 * @param density          the density's own figures (its curve is in densityCsv)
 * @param densityCsv       the file holding the curve, rows of this step
 */
public record MeasurementFigures(String net, long step, double lambda1, double lambdaK, double outlierRatio,
                                 double gradientTopShare, double topDecadeMass, double topDecadeCount,
                                 double[] eigenvalues, double[] residuals, boolean converged, int parameters,
                                 double evalLoss, double testAccuracy, DensityFigures density, String densityCsv) {
    public static MeasurementFigures of(Measurement m) {
        return new MeasurementFigures(m.net().slug(), m.step(), m.lambdaMax(), m.lambdaK(), m.outlierRatio(),
                m.gradientShare(), m.topDecadeMass(), m.topDecadeCount(), m.hessian().eigenvalues(),
                m.hessian().residuals(), m.hessian().converged(), m.parameters(), m.evalLoss(), m.testAccuracy(),
                DensityFigures.of(m.density()), GhorbaniFiles.densityFile(m.net()));
    }
}
