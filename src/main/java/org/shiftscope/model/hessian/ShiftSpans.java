// Page's covariate-shift subspaces ("How to train your ResNet 7"): the span of the gradients of the logits' batch
// means, centred over classes (C − 1 dimensions), and that span with the variances' and skews' (3C − 1).
package org.shiftscope.model.hessian;

/**
 * A shift common to every logit leaves the softmax unchanged, so the means' span is that of ∇(μ_k − mean_j μ_j).
 * @param meanGradients ∇μ_k of each class's batch-mean logit, uncentred (for perturbations and per-layer splits)
 * @param means         the C − 1 dimensional span of the centred mean gradients
 * @param moments       means, variances and skewnesses: 3C − 1 dimensions
 */
public record ShiftSpans(double[][] meanGradients, SubspaceOverlap means, SubspaceOverlap moments) {
    /** The spans at {@code w} of the loss's evaluation set, in its BN mode and groups. */
    public static ShiftSpans of(EvaluationSetLoss loss, double[] w) {
        double[][] meanGradients = loss.logitStatisticGradients(w, LogitStatistic.MEAN);
        var means = SubspaceOverlap.consuming(centred(meanGradients));
        var moments = means.extendedConsuming(loss.logitStatisticGradients(w, LogitStatistic.VARIANCE))
                .extendedConsuming(loss.logitStatisticGradients(w, LogitStatistic.SKEW));
        return new ShiftSpans(meanGradients, means, moments);
    }

    /** g_k − (1/C)·Σ_j g_j for each k: new arrays. */
    static double[][] centred(double[][] gradients) {
        var average = new double[gradients[0].length];
        for (double[] g : gradients) {
            Vectors.axpy(1.0 / gradients.length, g, average);
        }
        var out = new double[gradients.length][];
        for (int k = 0; k < gradients.length; k++) {
            out[k] = gradients[k].clone();
            Vectors.axpy(-1, average, out[k]);
        }
        return out;
    }
}
