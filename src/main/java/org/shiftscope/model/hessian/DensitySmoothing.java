// Turns SLQ quadrature rules into a curve: φ(t) = (1/P)·Σ_probes Σ_j τ_j·N(t; θ_j, σ²) on G grid points
// (Ghorbani, Krishnan & Xiao 2019, eq. 5 and Appendix; Lin, Saad & Yang 2016, §3.1), with σ as PyHessian's
// density_generate and Google spectral-density's eigv_to_density choose it, widened to one grid spacing if needed.
package org.shiftscope.model.hessian;

import java.util.List;

/**
 * σ² = 1e-5·max(1, λmax − λmin) over the extreme nodes (theirs: the probes' mean extreme nodes ∓ 0.01), so a
 * curve means the same as theirs. They sample it on 10,000 points, which resolve that kernel for ranges up to
 * about 1000; on G points (400 by default) a kernel narrower than the spacing h falls between points and loses
 * its mass, so σ is widened to one spacing when needed. The trapezoid rule then integrates each kernel to within
 * 2·exp(−2π²σ²/h²) ≈ 5e-9 of 1, and no renormalisation (theirs divides by the Riemann sum) is needed.
 */
public final class DensitySmoothing {
    /** PyHessian's and Google's sigma_squared: σ² per unit of the spectrum's range (at least 1). */
    public static final double VARIANCE_PER_RANGE = 1e-5;
    /** The grid reaches this many σ beyond the extreme nodes: the mass left outside is below 3e-7. */
    public static final double PADDING_SIGMAS = 5;

    private DensitySmoothing() {
    }

    /**
     * The average of the rules' smoothed measures on a grid over [min node − 5σ, max node + 5σ].
     * @param gridPoints G, more than 1 + 2·{@link #PADDING_SIGMAS}
     */
    public static DensityEstimate smooth(List<GaussQuadrature> rules, int gridPoints) {
        int total = rules.stream().mapToInt(GaussQuadrature::size).sum();
        var nodes = new double[total];
        var weights = new double[total];
        int at = 0;
        int steps = 0;
        for (var rule : rules) {
            for (int j = 0; j < rule.size(); j++) {
                nodes[at] = rule.nodes()[j];
                weights[at] = rule.weights()[j] / rules.size();
                at++;
            }
            steps = Math.max(steps, rule.size());
        }
        double smallest = Double.POSITIVE_INFINITY;
        double largest = Double.NEGATIVE_INFINITY;
        for (double node : nodes) {
            smallest = Math.min(smallest, node);
            largest = Math.max(largest, node);
        }
        double sigma = sigma(largest - smallest, gridPoints);
        double[] grid = grid(smallest - PADDING_SIGMAS * sigma, largest + PADDING_SIGMAS * sigma, gridPoints);
        return new DensityEstimate(grid, curve(grid, nodes, weights, sigma), sigma, rules.size(), steps,
                smallest, largest);
    }

    /**
     * σ for nodes spanning {@code range}: PyHessian's √(1e-5·max(1, range)), or the grid spacing when that is
     * wider, the spacing of G points over range + 2·5σ being at most σ exactly when σ ≥ range / (G − 11).
     */
    public static double sigma(double range, int gridPoints) {
        double resolvable = range / (gridPoints - 1 - 2 * PADDING_SIGMAS);
        return Math.max(Math.sqrt(VARIANCE_PER_RANGE * Math.max(1, range)), resolvable);
    }

    /** G evenly spaced points from {@code from} to {@code to}, both included. */
    public static double[] grid(double from, double to, int gridPoints) {
        var grid = new double[gridPoints];
        double spacing = (to - from) / (gridPoints - 1);
        for (int i = 0; i < gridPoints; i++) {
            grid[i] = from + i * spacing;
        }
        return grid;
    }

    /** Σ_j w_j·N(t; x_j, σ²) at every grid point t. */
    public static double[] curve(double[] grid, double[] nodes, double[] weights, double sigma) {
        double norm = 1 / (sigma * Math.sqrt(2 * Math.PI));
        var density = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            double sum = 0;
            for (int j = 0; j < nodes.length; j++) {
                double z = (grid[i] - nodes[j]) / sigma;
                sum += weights[j] * Math.exp(-0.5 * z * z);
            }
            density[i] = norm * sum;
        }
        return density;
    }
}
