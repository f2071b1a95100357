// A smoothed spectral density on its grid (SLQ, Ghorbani, Krishnan & Xiao 2019): the curve, the kernel width
// and the extent of the quadrature nodes it came from. Immutable by convention; safe to hand to other threads.
package org.shiftscope.model.hessian;

/**
 * @param grid         eigenvalue axis, G evenly spaced points, ascending
 * @param density      φ at each grid point, ≥ 0, integrating to 1
 * @param sigma        standard deviation of the Gaussian kernels
 * @param probes       random probe vectors averaged
 * @param steps        Lanczos steps of the longest probe run (at most the steps asked for)
 * @param smallestNode the smallest quadrature node (a Ritz value: close to λmin when it is isolated)
 * @param largestNode  the largest quadrature node (close to λmax)
 */
public record DensityEstimate(double[] grid, double[] density, double sigma, int probes, int steps,
                              double smallestNode, double largestNode) {
    /**
     * The lowest floor {@link #plottable} clamps to, so a log axis never meets 0 (the Gaussian tails underflow to 0
     * beyond about 38σ). Below the peak of one eigenvalue's kernel, weight 1/n, for any network the controls
     * allow: 1/(52 M parameters) over σ = 25 (a range of 10⁴ on 400 points) peaks at about 3e-10.
     */
    public static final double LOG_FLOOR = 1e-12;

    /** ∫φ by the trapezoid rule over the grid: 1 up to the tails beyond the grid and rounding. */
    public double mass() {
        double spacing = grid[1] - grid[0];
        double sum = 0;
        for (int i = 0; i + 1 < density.length; i++) {
            sum += 0.5 * (density[i] + density[i + 1]) * spacing;
        }
        return sum;
    }

    /**
     * The density clamped below at {@code range} times its peak (and at least {@link #LOG_FLOOR}), for a log
     * axis: the Gaussian tails between the nodes would otherwise stretch it over hundreds of decades; a new array.
     */
    public double[] plottable(double range) {
        double peak = 0;
        for (double d : density) {
            peak = Math.max(peak, d);
        }
        double floor = Math.max(peak * range, LOG_FLOOR);
        var out = new double[density.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.max(density[i], floor);
        }
        return out;
    }
}
