// The latest spectral density on a log axis, with the latest top-k eigenvalues as points on the curve (Ghorbani
// et al. 2019, Fig. 1: the outliers stand apart from the bulk), each named with its step.
package org.shiftscope.ui.charts;

import org.shiftscope.model.hessian.DensityReport;
import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.net.Normalization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

final class DensityLines {
    private DensityLines() {
    }

    /** The curve, and the top-k as points when {@code hessian} is of the density's mode; empty without a density. */
    static List<ChartSeries> of(DensityReport density, HessianReport hessian, Normalization normalization) {
        if (density == null) {
            return List.of();
        }
        var estimate = density.estimate();
        double[] curve = estimate.plottable(RunHistory.DENSITY_RANGE);
        var lines = new ArrayList<ChartSeries>();
        lines.add(new ChartSeries(LineKey.of(LineKey.Kind.DENSITY),
                "density (step " + density.step() + ", " + normalization.modeName(density.bnMode()) + ")", estimate.grid(), curve));
        if (hessian != null && hessian.bnMode() == density.bnMode()) {
            double[] lambdas = hessian.eigenvalues();
            var heights = new double[lambdas.length];
            double[] ascending = lambdas.clone();
            Arrays.sort(ascending);
            for (int i = 0; i < ascending.length; i++) {
                heights[i] = densityAt(estimate.grid(), curve, ascending[i]);
            }
            lines.add(new ChartSeries(LineKey.of(LineKey.Kind.DENSITY_TOP_K),
                    "top-" + lambdas.length + " eigenvalues (step " + hessian.step() + ")", ascending, heights).asPoints());
        }
        return lines;
    }

    /** The curve's value at λ by linear interpolation, its floor outside the grid. */
    private static double densityAt(double[] grid, double[] curve, double lambda) {
        if (lambda <= grid[0] || lambda >= grid[grid.length - 1]) {
            return curve[lambda <= grid[0] ? 0 : curve.length - 1];
        }
        int i = Arrays.binarySearch(grid, lambda);
        if (i >= 0) {
            return curve[i];
        }
        int after = -i - 1;
        double t = (lambda - grid[after - 1]) / (grid[after] - grid[after - 1]);
        return curve[after - 1] + t * (curve[after] - curve[after - 1]);
    }
}
