// The settings that may change between any two steps without rebuilding the network: the optimiser's
// hyper-parameters and the BN mode (STYLE.md example 4).
package org.shiftscope.model.train;

import org.shiftscope.model.net.BnMode;

/**
 * @param learningRate η of SGD
 * @param momentum     β of heavy-ball or Nesterov momentum, 0 for plain SGD
 * @param nesterov     Nesterov momentum (PyTorch's formulation) instead of heavy-ball
 * @param weightDecay  L2 coefficient added to the gradient (g + λ·w), as PyTorch's SGD does
 * @param bnMode       off / on / frozen
 */
public record OptimizerSettings(double learningRate, double momentum, boolean nesterov, double weightDecay,
                                BnMode bnMode) {
    public OptimizerSettings {
        Limits.requireRange("learning rate", learningRate, Limits.MIN_LEARNING_RATE, Limits.MAX_LEARNING_RATE);
        Limits.requireRange("momentum", momentum, 0, Limits.MAX_MOMENTUM);
        Limits.requireRange("weight decay", weightDecay, 0, Limits.MAX_WEIGHT_DECAY);
        if (bnMode == null) {
            throw new IllegalArgumentException("BN mode must be off, on or frozen");
        }
    }

    public OptimizerSettings withLearningRate(double value) {
        return new OptimizerSettings(value, momentum, nesterov, weightDecay, bnMode);
    }

    public OptimizerSettings withBnMode(BnMode mode) {
        return new OptimizerSettings(learningRate, momentum, nesterov, weightDecay, mode);
    }
}
