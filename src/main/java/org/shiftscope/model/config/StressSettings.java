// The learning-rate stress test's knobs (Page, "How to train your ResNet"): η starts at the run's learning
// rate and grows × factor every {@code every} steps until the loss diverges or η would exceed the limit.
package org.shiftscope.model.config;

/**
 * @param factor growth of η per stretch, > 1 (default √2)
 * @param every  steps per stretch (default 200)
 * @param limit  largest η tried (default 10)
 */
public record StressSettings(double factor, int every, double limit) {
    public static final double MAX_FACTOR = 10;
    public static final double DEFAULT_FACTOR = Math.sqrt(2);
    public static final int DEFAULT_EVERY = 200;

    public StressSettings {
        if (!(factor > 1) || factor > MAX_FACTOR) {
            throw new IllegalArgumentException("stress factor must be in (1, " + MAX_FACTOR + "] (got " + factor + ")");
        }
        Limits.requireRange("stress every", every, 1, 1_000_000);
        Limits.requireRange("stress limit", limit, Limits.MIN_LEARNING_RATE, Limits.MAX_LEARNING_RATE);
    }

    public static StressSettings defaults() {
        return new StressSettings(DEFAULT_FACTOR, DEFAULT_EVERY, 10);
    }
}
