// What a forward pass is for; it decides which statistics BatchNorm uses in ON mode and whether
// the running averages move.
package org.shiftscope.model.net;

public enum Pass {
    /** A training step: batch statistics, and the running averages are updated. */
    TRAINING_STEP,
    /** Batch statistics without touching the running averages (Hessian, gradient checks). */
    BATCH_STATISTICS,
    /** Evaluation on held-out data: running statistics, as a deployed network would use. */
    INFERENCE
}
