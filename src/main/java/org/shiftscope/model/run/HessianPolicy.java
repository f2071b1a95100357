// When a run measures its curvature besides the fixed rules every driver follows (both sides of a BN switch,
// right after a scheduled change, the end of each stress stretch): top-k every N steps and at the start, densities.
package org.shiftscope.model.run;

import org.shiftscope.model.config.TrainingConfig;
import org.shiftscope.model.hessian.DensityAnalysis;

/**
 * @param every              steps between top-k reports (also at the start), 0 for none
 * @param densityEvery       steps between spectral densities, 0 for none
 * @param densityAtStart     a density of the initial weights too
 * @param densityAfterSwitch a density after each BN mode switch
 * @param densityRequest     probes, Lanczos steps and grid of each density
 */
public record HessianPolicy(int every, int densityEvery, boolean densityAtStart, boolean densityAfterSwitch,
                            DensityAnalysis.Request densityRequest) {
    /**
     * Steps between spectral densities in the window, in a run with a periodic Hessian (and one after each BN mode
     * switch): the density costs about as much as two top-k reports.
     */
    public static final int WINDOW_DENSITY_EVERY = 1000;

    /** The config's top-k reports and no densities (train, render, soak). */
    public static HessianPolicy of(TrainingConfig config) {
        return new HessianPolicy(config.hessian().every(), 0, false, false, DensityAnalysis.Request.defaults());
    }

    /** The config's top-k reports and, with a periodic Hessian, a density every thousand steps and after a switch. */
    public static HessianPolicy window(TrainingConfig config) {
        boolean periodic = config.hessian().every() > 0;
        return new HessianPolicy(config.hessian().every(), periodic ? WINDOW_DENSITY_EVERY : 0, false, periodic,
                DensityAnalysis.Request.defaults());
    }

    /** This policy with a density at the start and every {@code steps} steps (train's --density-every). */
    public HessianPolicy withDensityEvery(int steps, DensityAnalysis.Request request) {
        return new HessianPolicy(every, steps, steps > 0, densityAfterSwitch, request);
    }

    public boolean periodic() {
        return every > 0;
    }

    /** Whether a periodic top-k report follows {@code step}. */
    public boolean reportAfter(long step) {
        return every > 0 && step % every == 0;
    }

    /** Whether a periodic density follows {@code step}. */
    public boolean densityAfter(long step) {
        return densityEvery > 0 && step % densityEvery == 0;
    }
}
