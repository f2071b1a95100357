// How much of a smoothed spectral density lies above a threshold (trapezoid rule, the curve interpolated linearly
// at the threshold): the share of eigenvalues near λ1, which tells a few outliers from a continuous top of the
// spectrum (Ghorbani, Krishnan & Xiao 2019; Papyan 2018).
package org.shiftscope.model.reproduce.ghorbani;

import org.shiftscope.model.hessian.DensityEstimate;

public final class SpectralMass {
    /** The threshold of {@link #nearTop} as a fraction of λ1: the top decade of the spectrum. */
    public static final double TOP_DECADE = 0.1;

    private SpectralMass() {
    }

    /** ∫ φ over [λ1/10, ∞): the share of the spectrum within a factor 10 of λ1 (λ1 > 0). */
    public static double nearTop(DensityEstimate estimate, double lambdaMax) {
        return above(estimate, TOP_DECADE * lambdaMax);
    }

    /** ∫ φ over [threshold, ∞) by the trapezoid rule on the estimate's grid: all of its mass below the grid, 0 above. */
    public static double above(DensityEstimate estimate, double threshold) {
        double[] grid = estimate.grid();
        double[] density = estimate.density();
        double mass = 0;
        for (int i = 0; i + 1 < grid.length; i++) {
            double left = grid[i];
            double right = grid[i + 1];
            if (right <= threshold) {
                continue;
            }
            double from = Math.max(left, threshold);
            double atFrom = density[i] + (from - left) / (right - left) * (density[i + 1] - density[i]);
            mass += 0.5 * (atFrom + density[i + 1]) * (right - from);
        }
        return mass;
    }
}
