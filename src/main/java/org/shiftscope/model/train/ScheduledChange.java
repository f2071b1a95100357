// A change of the live settings written into a scenario: "at step N switch BN to frozen" (Page's experiment
// of freezing BN on trained weights) or "at step N set η". Applied before step N + 1 is taken.
package org.shiftscope.model.train;

import org.shiftscope.model.config.LiveSettings;

import org.shiftscope.model.config.Limits;

import org.shiftscope.model.net.BnMode;

/**
 * @param atStep       steps taken when the change applies (0 = before the first step)
 * @param bnMode       the new BN mode, or null to keep it
 * @param learningRate the new η, or null to keep it
 */
public record ScheduledChange(long atStep, BnMode bnMode, Double learningRate) {
    public ScheduledChange {
        Limits.requireRange("at step", atStep, 0, Long.MAX_VALUE);
        if (learningRate != null) {
            Limits.requireRange("learning rate", learningRate, Limits.MIN_LEARNING_RATE, Limits.MAX_LEARNING_RATE);
        }
        if (bnMode == null && learningRate == null) {
            throw new IllegalArgumentException("a scheduled change needs bn_mode or learning_rate");
        }
    }

    LiveSettings applyTo(LiveSettings settings) {
        var changed = bnMode == null ? settings : settings.withBnMode(bnMode);
        return learningRate == null ? changed : changed.withLearningRate(learningRate);
    }
}
