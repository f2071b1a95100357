// What a network predicts on a set in its BN mode, as the perturbation experiment compares it: the count of each
// predicted class and each class's logit averaged over the set (Page's "cat neuron" moves that mean).
package org.shiftscope.model.shift;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.shiftscope.model.Workspaces;
import org.shiftscope.model.data.Batches;
import org.shiftscope.model.data.Examples;
import org.shiftscope.model.net.Network;
import org.shiftscope.model.net.Pass;

/** Batch statistics over groups of the training batch when BN is on, running ones when frozen, as training uses. */
record Predictions(int[] counts, double[] meanLogits) {
    static Predictions of(Network network, Examples set, int groupRows) {
        int classes = network.spec().classes();
        var counts = new int[classes];
        var meanLogits = new double[classes];
        int chunk = Math.max(1, groupRows);
        for (int from = 0; from < set.count(); from += chunk) {
            int[] indices = Batches.range(from, Math.min(set.count(), from + chunk));
            try (var workspace = Workspaces.open("perturbation")) {
                INDArray x = Batches.features(set, indices, network.dataType());          // (chunk, inputs)
                INDArray logits = network.forward(x, Pass.BATCH_STATISTICS);              // (chunk, classes)
                INDArray predicted = logits.argMax(1);                                    // (chunk)
                double[] sums = logits.sum(0).dup().data().asDouble();                    // (classes)
                for (int i = 0; i < indices.length; i++) {
                    counts[predicted.getInt(i)]++;
                }
                for (int c = 0; c < classes; c++) {
                    meanLogits[c] += sums[c] / set.count();
                }
            }
        }
        return new Predictions(counts, meanLogits);
    }
}
