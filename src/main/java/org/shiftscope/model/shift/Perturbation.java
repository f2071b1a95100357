// Page's "cat neuron" experiment ("How to train your ResNet 7"): move a network's weights by a fraction of their
// norm along one direction, count the classes it predicts on a set before and after, and put the weights back.
package org.shiftscope.model.shift;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.shiftscope.model.Workspaces;
import org.shiftscope.model.data.Batches;
import org.shiftscope.model.data.Examples;
import org.shiftscope.model.hessian.ParameterVectors;
import org.shiftscope.model.net.Network;
import org.shiftscope.model.net.Pass;

/**
 * The step is w ← w + f·‖w‖·d/‖d‖ over the parameters that train in the network's BN mode. Predictions use that
 * mode as training does: batch statistics over groups of the training batch when BN is on, running ones when frozen.
 */
public final class Perturbation {
    /**
     * @param before   examples predicted as each class at the original weights
     * @param after    the same at the moved weights
     * @param stepNorm ‖f·‖w‖·d/‖d‖‖, the length of the move
     */
    public record Outcome(int[] before, int[] after, double stepNorm) {
        /** The class most predicted after the move, and the share of the set it takes (after, before). */
        public int mostPredictedAfter() {
            int best = 0;
            for (int c = 1; c < after.length; c++) {
                best = after[c] > after[best] ? c : best;
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
        int[] before = predictedClasses(network, set, groupRows);
        double[] moved = original.clone();
        for (int i = 0; i < moved.length; i++) {
            moved[i] += scale * direction[i];
        }
        try {
            ParameterVectors.assign(parameters, moved);
            return new Outcome(before, predictedClasses(network, set, groupRows), Math.abs(scale) * directionNorm);
        } finally {
            ParameterVectors.assign(parameters, original);
        }
    }

    /** Examples of {@code set} the network predicts as each class, in its BN mode, a batch-sized group at a time. */
    public static int[] predictedClasses(Network network, Examples set, int groupRows) {
        int classes = network.spec().classes();
        var counts = new int[classes];
        int chunk = Math.max(1, groupRows);
        for (int from = 0; from < set.count(); from += chunk) {
            int[] indices = Batches.range(from, Math.min(set.count(), from + chunk));
            try (var workspace = Workspaces.open("perturbation")) {
                INDArray x = Batches.features(set, indices, network.dataType());          // (chunk, inputs)
                INDArray logits = network.forward(x, Pass.BATCH_STATISTICS);              // (chunk, classes)
                INDArray predicted = logits.argMax(1);                                    // (chunk)
                for (int i = 0; i < indices.length; i++) {
                    counts[predicted.getInt(i)]++;
                }
            }
        }
        return counts;
    }

    static double norm(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
