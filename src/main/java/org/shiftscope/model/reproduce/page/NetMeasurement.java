// Everything `reproduce page` measures on one of its three nets (BN, frozen BN, no BN), as report.json holds it:
// Page's top eigenvalues, their overlaps with the shift spans, the projected λ1, the perturbations, the layer split.
package org.shiftscope.model.reproduce.page;

import org.shiftscope.model.shift.LayerShiftShare;

import java.util.List;

/**
 * @param name                    bn, frozen or nobn
 * @param bnMode                  the BN mode its loss and predictions use
 * @param peakLearningRate        its one-cycle peak (frozen: the BN net's)
 * @param trainLoss               mean training loss over the last tenth of the steps to the measurement
 * @param evaluationLoss          the mean loss over the evaluation set in its mode (the Hessian's, without weight decay)
 * @param eigenvalues             the top k of the Hessian of that loss, largest first
 * @param overlapMeans            ‖P v_i‖² of each eigenvector with the 9-dimensional (C − 1) means span
 * @param overlapMoments          the same with the 29-dimensional (3C − 1) means, variances and skews span
 * @param lambda1ProjectedMeans   λ1 of the Hessian restricted to the complement of the means span
 * @param lambda1ProjectedMoments the same for the moments span
 * @param perturbation            the predicted-class histograms before and after each move
 * @param layerGradientShare      ‖∂(mean logit c)/∂W_ℓ‖² per layer, c the protocol's class
 * @param products                Hessian-vector products used for it
 * @param seconds                 its measurement time
 * @param parameters              the dimension of its Hessian
 * @param converged               whether every eigenvalue's float64 residual is within the tolerance
 * @param halfClassFraction       the smallest move of 1%, 2%, 4%, … of the parameter norm along the shift direction
 *                                after which class c takes half the predictions; null beyond the largest tried
 */
public record NetMeasurement(String name, String bnMode, double peakLearningRate, double trainLoss,
                             double evaluationLoss, double[] eigenvalues, double[] overlapMeans, double[] overlapMoments,
                             double lambda1ProjectedMeans, double lambda1ProjectedMoments, List<Perturbed> perturbation,
                             LayerShiftShare layerGradientShare, int products, double seconds,
                             int parameters, boolean converged, Double halfClassFraction) {
    /**
     * @param direction       random, mean_logit_c (the gradient of class c's batch-mean logit) or v1
     * @param before          examples predicted as each class before the move
     * @param after           the same after it
     * @param meanLogitChange each class's logit averaged over the set, after minus before
     * @param gainedClass     the class whose count grew most, and its share of the set before and after
     */
    public record Perturbed(String direction, int[] before, int[] after, double[] meanLogitChange, int gainedClass,
                            double shareBefore, double shareAfter) {
    }

    /** λ_i (1-based), NaN when fewer were found. */
    public double lambda(int i) {
        return i <= eigenvalues.length ? eigenvalues[i - 1] : Double.NaN;
    }
}
