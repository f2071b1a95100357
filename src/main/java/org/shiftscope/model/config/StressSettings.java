// The learning-rate stress test's knobs (Page, "How to train your ResNet"): η starts at the run's learning
// rate and grows × factor every {@code every} steps until the loss diverges or η would exceed the limit.
package org.shiftscope.model.config;

/**
 * @param factor growth of η per stretch, 1.01–10 (default √2)
 * @param every  steps per stretch (default 200)
 * @param limit  largest η tried (default 10)
 */
public record StressSettings(double factor, int every, double limit) {
    /** √2, written out so the CLI's option can default to it. */
    public static final double DEFAULT_FACTOR = 1.4142135623730951;
    public static final int DEFAULT_EVERY = 200;
    public static final double DEFAULT_LIMIT = 10;

    public StressSettings {
        Limits.requireRange("stress factor", factor, Limits.MIN_STRESS_FACTOR, Limits.MAX_STRESS_FACTOR);
        Limits.requireRange("stress every", every, Limits.MIN_STRESS_EVERY, Limits.MAX_STRESS_EVERY);
        Limits.requireRange("stress limit", limit, Limits.MIN_LEARNING_RATE, Limits.MAX_LEARNING_RATE);
    }

    public static StressSettings defaults() {
        return new StressSettings(DEFAULT_FACTOR, DEFAULT_EVERY, DEFAULT_LIMIT);
    }
}
