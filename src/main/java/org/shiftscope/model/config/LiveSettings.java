// The settings that may change between any two steps without rebuilding the network: the optimiser's
// hyper-parameters and the BN mode.
package org.shiftscope.model.config;

import org.shiftscope.model.net.BnMode;

/**
 * @param learningRate η of SGD
 * @param momentum     β of heavy-ball or Nesterov momentum, 0 for plain SGD
 * @param nesterov     Nesterov momentum (PyTorch's formulation) instead of heavy-ball
 * @param weightDecay  L2 coefficient added to the gradient (g + λ·w), as PyTorch's SGD does
 * @param bnMode       off / on / frozen
 */
public record LiveSettings(double learningRate, double momentum, boolean nesterov, double weightDecay,
                                BnMode bnMode) {
    public LiveSettings {
        Limits.requireRange("learning rate", learningRate, Limits.MIN_LEARNING_RATE, Limits.MAX_LEARNING_RATE);
        Limits.requireRange("momentum", momentum, 0, Limits.MAX_MOMENTUM);
        Limits.requireRange("weight decay", weightDecay, 0, Limits.MAX_WEIGHT_DECAY);
        if (bnMode == null) {
            throw new IllegalArgumentException("BN mode must be off, on or frozen");
        }
    }

    public LiveSettings withLearningRate(double value) {
        return new LiveSettings(value, momentum, nesterov, weightDecay, bnMode);
    }

    public LiveSettings withBnMode(BnMode mode) {
        return new LiveSettings(learningRate, momentum, nesterov, weightDecay, mode);
    }
}
