// David Page's published figures from the notebook of "How to train your ResNet 7: Batch norm" (Myrtle.ai, 2019):
// an 8-layer CIFAR-10 convnet, Softplus(β = 10), Hessians of the loss summed over 256 examples.
package org.shiftscope.model.reproduce.page;

import java.util.Map;

/** Each net's λ1, λ9, λ10, λ11, λ1 without the 29-dim span, ‖∂(mean logit 0)/∂W‖² and its classifier share. */
public record PagePublished(double lambda1, double lambda9, double lambda10, double lambda11,
                            double lambda1ProjectedMoments, double layerGradientTotal, double classifierShare,
                            String overlapMeans, String overlapMoments) {
    /** His Hessians are of the summed loss over this many examples: divide by it for mean-loss units. */
    public static final int SUMMED_OVER = 256;
    /** A random 10-dimensional subspace's overlap with a direction in his 6.5 M parameters. */
    public static final double RANDOM_OVERLAP_BOUND = 1e-5;

    public static final Map<String, PagePublished> NETS = Map.of(
            "bn", new PagePublished(127.9, 83.5, 82.1, 81.3, 115.4, 2.76, 0.83, "0.03–0.60", "0.19–0.92"),
            "frozen", new PagePublished(2246, 893.8, 435.1, 417.3, 407.4, 19.3, 0.12, "v1–v9 0.80–0.89, v10 0.04",
                    "v1–v9 0.98–0.99"),
            "nobn", new PagePublished(3486, 1558, 1524, 1305, 1324, 38.2, 0.17, "v1–v11 0.35–0.78", "v1–v11 0.80–0.97"));

    /** λ in mean-loss units: divided by {@link #SUMMED_OVER}. */
    public double meanLoss(double summed) {
        return summed / SUMMED_OVER;
    }
}
