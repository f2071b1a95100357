// SpectralMass against densities whose mass above a threshold is known by hand: a uniform density, a linear one
// (where the trapezoid rule is exact) and two Gaussian clusters far apart, a bulk and an outlier.
package org.shiftscope.model.reproduce.ghorbani;

import org.junit.jupiter.api.Test;
import org.shiftscope.model.hessian.DensityEstimate;
import org.shiftscope.model.hessian.DensitySmoothing;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpectralMassTest {
    /** Piecewise-linear densities: the trapezoid rule is exact up to rounding. */
    static final double EXACT = 1e-12;
    /** Gaussian kernels cut at the grid's ends and integrated by trapezoids (DensitySmoothing: below 3e-7). */
    static final double SMOOTHED = 1e-6;
    /** Cutting a kernel on its slope: the trapezoid rule's error h²/12·|φ'(t)| is 5.5e-6 for the case below. */
    static final double CUT_ON_A_SLOPE = 1e-5;
    /** Φ(2.5), from the standard normal table. */
    static final double STANDARD_NORMAL_CDF_AT_2_5 = 0.9937903346742238;

    static DensityEstimate estimate(double[] grid, double[] density) {
        return new DensityEstimate(grid, density, 0.1, 1, 1, grid[0], grid[grid.length - 1]);
    }

    @Test
    void aUniformDensityHasTheMassOfTheIntervalAboveTheThreshold() {
        double[] grid = DensitySmoothing.grid(0, 10, 101);
        var density = new double[grid.length];
        java.util.Arrays.fill(density, 0.1);
        var uniform = estimate(grid, density);
        assertEquals(0.675, SpectralMass.above(uniform, 3.25), EXACT);   // between grid points
        assertEquals(0.5, SpectralMass.above(uniform, 5), EXACT);        // on a grid point
        assertEquals(1, SpectralMass.above(uniform, -4), EXACT);         // below the grid: all of it
        assertEquals(0, SpectralMass.above(uniform, 12), EXACT);         // above the grid: none
    }

    @Test
    void aLinearDensityIsInterpolatedAtTheThreshold() {
        double[] grid = DensitySmoothing.grid(0, 10, 11);
        var density = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            density[i] = grid[i] / 50;                                     // ∫₀¹⁰ x/50 dx = 1
        }
        var linear = estimate(grid, density);
        assertEquals(1 - 3.3 * 3.3 / 100, SpectralMass.above(linear, 3.3), EXACT);
        assertEquals(1 - 0.25 * 0.25, SpectralMass.nearTop(linear, 25), EXACT);   // threshold 2.5 = 25/10
    }

    @Test
    void anOutlierFarFromTheBulkCarriesItsOwnWeightAboveTheTopDecade() {
        double outlierWeight = 0.001;
        double lambdaMax = 50;
        double sigma = 0.2;
        double[] nodes = {0, 0.5, lambdaMax};
        double[] weights = {0.6, 0.4 - outlierWeight, outlierWeight};
        double[] grid = DensitySmoothing.grid(-5, 55, 6001);
        var smoothed = new DensityEstimate(grid, DensitySmoothing.curve(grid, nodes, weights, sigma), sigma, 1,
                nodes.length, 0, lambdaMax);
        assertEquals(outlierWeight, SpectralMass.nearTop(smoothed, lambdaMax), SMOOTHED);
        double bulkTail = 1 - STANDARD_NORMAL_CDF_AT_2_5;                  // of the kernel at 0, beyond 0.5 = 2.5σ
        assertEquals(0.6 * bulkTail + (0.4 - outlierWeight) / 2 + outlierWeight, SpectralMass.above(smoothed, 0.5),
                CUT_ON_A_SLOPE);
    }
}
