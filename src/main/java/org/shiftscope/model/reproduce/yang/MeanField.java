// What mean-field theory predicts for the squared gradient norm per layer of a deep ReLU MLP at initialisation
// (Yang et al. 2019, ICLR, arXiv 1902.08129; the large-batch ReLU case derived in docs/reproduce-yang.md).
package org.shiftscope.model.reproduce.yang;

public final class MeanField {
    /**
     * Batch variance of ReLU(z) for z ~ N(0, 1): E[ReLU²] − E[ReLU]² = 1/2 − 1/(2π). Under BN every layer's
     * pre-normalisation variance is σ_w² times this, and BN's backward pass divides by it.
     */
    public static final double RELU_VARIANCE = 0.5 - 1.0 / (2 * Math.PI);
    /**
     * Growth of the squared gradient norm per layer, going back, with BN in the large-batch, wide limit:
     * Dense (× σ_w²) · BN (× 1/(σ_w² · RELU_VARIANCE)) · ReLU (× 1/2) = π/(π − 1) ≈ 1.4669.
     */
    public static final double BATCH_NORM_GROWTH = Math.PI / (Math.PI - 1);
    /** Without normalisation He initialisation (σ_w² = 2) cancels ReLU's 1/2 (He et al. 2015): no growth. */
    public static final double NO_NORM_GROWTH = 1.0;

    private MeanField() {
    }

    /** The prediction for a variant; NaN where the theory used here predicts no geometric rate (residual). */
    public static double predictedGrowth(Variant variant) {
        return switch (variant) {
            case BATCH_NORM -> BATCH_NORM_GROWTH;
            case NO_NORM -> NO_NORM_GROWTH;
            case RESIDUAL_BATCH_NORM -> Double.NaN;
        };
    }
}
