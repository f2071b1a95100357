// The figures of a spectral-density computation, as written into hessian.json and summary.json (the curve
// itself goes to density.csv).
package org.shiftscope.model.io;

import org.shiftscope.model.hessian.DensityEstimate;
import org.shiftscope.model.hessian.DensityReport;

/**
 * @param step         step of the analysed weights
 * @param bnMode       BN mode of the loss
 * @param probes       Rademacher probe vectors averaged
 * @param steps        Lanczos steps of the longest probe run
 * @param sigma        standard deviation of the Gaussian smoothing kernel
 * @param gridMin      first grid point (smallest node − 5σ)
 * @param gridMax      last grid point (largest node + 5σ)
 * @param gridPoints   points of the curve
 * @param smallestNode smallest quadrature node (≈ λmin)
 * @param largestNode  largest quadrature node (≈ λmax)
 * @param seconds      computation time
 */
public record DensityFigures(long step, String bnMode, int probes, int steps, double sigma, double gridMin,
                             double gridMax, int gridPoints, double smallestNode, double largestNode, double seconds) {
    public static DensityFigures of(DensityReport r) {
        DensityEstimate e = r.estimate();
        return new DensityFigures(r.step(), r.bnMode().label(), e.probes(), e.steps(), e.sigma(), e.grid()[0],
                e.grid()[e.grid().length - 1], e.grid().length, e.smallestNode(), e.largestNode(), r.seconds());
    }
}
