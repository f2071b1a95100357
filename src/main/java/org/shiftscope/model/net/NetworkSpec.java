// Everything that fixes a network's structure and initial weights; two networks built from equal specs
// are identical, whatever their data type.
package org.shiftscope.model.net;

/**
 * @param inputs      features per example
 * @param classes     output logits
 * @param depth       hidden layers, each Dense → BatchNorm → activation
 * @param width       units per hidden layer
 * @param activation  the hidden nonlinearity
 * @param init        weight initialisation; biases start at 0, γ at 1, β at 0
 * @param seed        seed of the initial weights
 * @param bnEpsilon   ε added to the variance before normalising (PyTorch default 1e-5)
 * @param bnMomentum  weight of the newest batch in the running averages (PyTorch default 0.1)
 */
public record NetworkSpec(int inputs, int classes, int depth, int width, ActivationFunction activation,
                          Initialization init, long seed, double bnEpsilon, double bnMomentum) {

    public static final double DEFAULT_BN_EPSILON = 1e-5;
    public static final double DEFAULT_BN_MOMENTUM = 0.1;

    public NetworkSpec {
        if (inputs < 1 || classes < 2 || depth < 1 || width < 1) {
            throw new IllegalArgumentException("network needs inputs ≥ 1, classes ≥ 2, depth ≥ 1, width ≥ 1");
        }
    }

    public NetworkSpec(int inputs, int classes, int depth, int width, ActivationFunction activation,
                       Initialization init, long seed) {
        this(inputs, classes, depth, width, activation, init, seed, DEFAULT_BN_EPSILON, DEFAULT_BN_MOMENTUM);
    }
}
