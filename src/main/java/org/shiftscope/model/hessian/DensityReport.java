// One spectral-density computation tied to the step and BN mode it belongs to, with its cost. Immutable by
// convention; safe to hand to other threads.
package org.shiftscope.model.hessian;

import org.shiftscope.model.net.BnMode;

/**
 * @param step     training step whose weights were analysed
 * @param generation BackgroundTrainer generation (rebuild counter) of those weights
 * @param bnMode   BN mode of the loss whose Hessian this is
 * @param estimate the smoothed density and its figures
 * @param products Hessian-vector products computed (a block of b counts b)
 * @param seconds  wall-clock time of the computation
 */
public record DensityReport(long step, long generation, BnMode bnMode, DensityEstimate estimate, long products, double seconds) {
}
