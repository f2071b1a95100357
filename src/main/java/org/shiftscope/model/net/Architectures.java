// The named network shapes ShiftScope builds, as lists of layer specs.
package org.shiftscope.model.net;

import java.util.ArrayList;
import java.util.List;

public final class Architectures {
    private Architectures() {
    }

    /**
     * The MLP of docs/science.md: input → [Dense → BatchNorm → activation] × depth → Dense → softmax
     * cross-entropy. BatchNorm layers always exist, so the BN mode can change between any two steps on the
     * same weights.
     * @param epsilon  ε added to the variance before normalising (PyTorch default 1e-5)
     * @param momentum weight of the newest batch in the running averages (PyTorch default 0.1)
     */
    public static List<LayerSpec> mlp(int inputs, int classes, int depth, int width, ActivationFunction activation,
                                      double epsilon, double momentum) {
        if (inputs < 1 || classes < 2 || depth < 1 || width < 1) {
            throw new IllegalArgumentException("network needs inputs ≥ 1, classes ≥ 2, depth ≥ 1, width ≥ 1");
        }
        var layers = new ArrayList<LayerSpec>();
        int in = inputs;
        for (int i = 0; i < depth; i++) {
            layers.add(new DenseSpec(i, in, width));
            layers.add(new BatchNormSpec(i, width, epsilon, momentum));
            layers.add(new ActivationSpec(activation, width));
            in = width;
        }
        layers.add(new DenseSpec(depth, in, classes));
        return layers;
    }
}
