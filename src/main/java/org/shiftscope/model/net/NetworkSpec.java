// Everything that fixes a network's structure and initial weights: its layers in forward order, the weight
// initialisation and the seed. Two networks built from equal specs are identical, whatever their data type.
package org.shiftscope.model.net;

import java.util.List;

/**
 * @param layers in forward order; each takes the previous one's outputs
 * @param init   weight initialisation; biases start at 0, γ at 1, β at 0
 * @param seed   seed of the initial weights, drawn layer by layer in order
 */
public record NetworkSpec(List<LayerSpec> layers, Initialization init, long seed) {

    public static final double DEFAULT_BN_EPSILON = 1e-5;
    public static final double DEFAULT_BN_MOMENTUM = 0.1;

    public NetworkSpec {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i).inputs() != layers.get(i - 1).outputs()) {
                throw new IllegalArgumentException("layer " + i + " takes " + layers.get(i).inputs() + " units but layer "
                        + (i - 1) + " gives " + layers.get(i - 1).outputs());
            }
        }
    }

    /** The MLP of {@link Architectures#mlp} with PyTorch's default BN ε and momentum. */
    public NetworkSpec(int inputs, int classes, int depth, int width, ActivationFunction activation,
                       Initialization init, long seed) {
        this(Architectures.mlp(inputs, classes, depth, width, activation, DEFAULT_BN_EPSILON, DEFAULT_BN_MOMENTUM),
                init, seed);
    }

    /** Values per example of the widest array any layer's pass makes (see {@link LayerSpec#rowValues}). */
    public long rowValues() {
        return layers.stream().mapToLong(LayerSpec::rowValues).max().orElse(1);
    }

    /** Features per example. */
    public int inputs() {
        return layers.get(0).inputs();
    }

    /** Output logits. */
    public int classes() {
        return layers.get(layers.size() - 1).outputs();
    }
}
