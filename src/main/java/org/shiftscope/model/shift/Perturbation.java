// Page's "cat neuron" experiment ("How to train your ResNet 7"): move a network's weights by a fraction of their
// norm along one direction, count the classes it predicts on a set before and after, and put the weights back.
package org.shiftscope.model.shift;

import org.shiftscope.model.data.Examples;
import org.shiftscope.model.hessian.ParameterVectors;
import org.shiftscope.model.net.Network;

/**
 * The step is w ← w + f·‖w‖·d/‖d‖ over the parameters that train in the network's BN mode. Predictions use that
 * mode as training does: batch statistics over groups of the training batch when BN is on, running ones when frozen.
 */
public final class Perturbation {
    /**
     * @param before          examples predicted as each class at the original weights
     * @param after           the same at the moved weights
     * @param meanLogitChange each class's logit averaged over the set, after minus before
     * @param stepNorm        ‖f·‖w‖·d/‖d‖‖, the length of the move
     */
    public record Outcome(int[] before, int[] after, double[] meanLogitChange, double stepNorm) {
        /** The class whose count grew most (the first of equals; class 0 when none grew). */
        public int mostGained() {
            int best = 0;
            for (int c = 1; c < after.length; c++) {
                best = after[c] - before[c] > after[best] - before[best] ? c : best;
            }
            return best;
        }

        public double shareAfter(int c) {
            return (double) after[c] / java.util.Arrays.stream(after).sum();
        }

        public double shareBefore(int c) {
            return (double) before[c] / java.util.Arrays.stream(before).sum();
        }
    }

    private Perturbation() {
    }

    /**
     * Moves the weights, counts, and restores them bit for bit (float32 and float64 values survive the float64 copy).
     * @param direction a vector of the parameter dimension, not zero
     * @param fraction  f, the move as a fraction of the parameter norm (Page: 0.01)
     * @param groupRows examples per batch-statistics group (the training batch)
     */
    public static Outcome measure(Network network, Examples set, int groupRows, double[] direction, double fraction) {
        var parameters = network.parameters();
        double[] original = ParameterVectors.values(parameters);
        if (direction.length != original.length) {
            throw new IllegalArgumentException("the direction has " + direction.length + " values; the network has "
                    + original.length + " parameters");
        }
        double directionNorm = norm(direction);
        if (!(directionNorm > 0) || !Double.isFinite(directionNorm)) {
            throw new IllegalArgumentException("the direction of a perturbation must be finite and not zero");
        }
        double scale = fraction * norm(original) / directionNorm;
        var before = Predictions.of(network, set, groupRows);
        double[] moved = original.clone();
        for (int i = 0; i < moved.length; i++) {
            moved[i] += scale * direction[i];
        }
        try {
            ParameterVectors.assign(parameters, moved);
            var after = Predictions.of(network, set, groupRows);
            var change = after.meanLogits().clone();
            for (int c = 0; c < change.length; c++) {
                change[c] -= before.meanLogits()[c];
            }
            return new Outcome(before.counts(), after.counts(), change, Math.abs(scale) * directionNorm);
        } finally {
            ParameterVectors.assign(parameters, original);
        }
    }

    /** Examples of {@code set} the network predicts as each class, in its BN mode, a batch-sized group at a time. */
    public static int[] predictedClasses(Network network, Examples set, int groupRows) {
        return Predictions.of(network, set, groupRows).counts();
    }

    static double norm(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
