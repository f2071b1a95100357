// Where the synchronised shift of one run lives, at one step (Page, "How to train your ResNet 7"): the class
// whose batch-mean logit has the largest gradient, and that gradient's ‖·‖² split over the layers' weights.
package org.shiftscope.model.shift;

import org.shiftscope.model.net.BnMode;

/**
 * @param step       training step of the weights
 * @param generation the trainer's rebuild counter of those weights
 * @param bnMode     the BN mode the logits' batch means were taken in
 * @param classIndex the class c with the largest Σ_ℓ ‖∂(mean logit c)/∂W_ℓ‖²
 * @param share      that class's gradient split by layer
 */
public record LayerShiftReport(long step, long generation, BnMode bnMode, int classIndex, LayerShiftShare share) {
}
