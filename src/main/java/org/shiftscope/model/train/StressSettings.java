// The learning-rate stress test's knobs (Page, "How to train your ResNet"): η starts at the run's learning
// rate and grows × factor every {@code every} steps until the loss diverges or η would exceed the limit.
package org.shiftscope.model.train;

/**
 * @param factor growth of η per stretch, > 1 (default √2)
 * @param every  steps per stretch (default 200)
 * @param limit  largest η tried (default 10)
 */
public record StressSettings(double factor, int every, double limit) {
    public static final double MAX_FACTOR = 10;

    public StressSettings {
        if (!(factor > 1) || factor > MAX_FACTOR) {
            throw new IllegalArgumentException("stress factor must be in (1, " + MAX_FACTOR + "] (got " + factor + ")");
        }
        Limits.requireRange("stress every", every, 1, 1_000_000);
        Limits.requireRange("stress limit", limit, Limits.MIN_LEARNING_RATE, Limits.MAX_LEARNING_RATE);
    }

    public static StressSettings defaults() {
        return new StressSettings(LearningRateStress.DEFAULT_FACTOR, LearningRateStress.DEFAULT_EVERY, 10);
    }

    /** The schedule of one run starting at η = {@code start} (the limit is raised to the start if below it). */
    public LearningRateStress startingAt(double start, int classes) {
        return new LearningRateStress(start, factor, every, Math.max(limit, start), classes);
    }
}
