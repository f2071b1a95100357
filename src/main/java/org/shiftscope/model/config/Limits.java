// The ranges every entry point (CLI, settings files, UI) enforces before a value reaches ND4J.
package org.shiftscope.model.config;

public final class Limits {
    public static final int MIN_DEPTH = 1;
    public static final int MAX_DEPTH = 50;
    public static final int MIN_WIDTH = 8;
    public static final int MAX_WIDTH = 1024;
    /** Convnets: stages and first-stage channels (the channels double up to 8× at the pooling stages). */
    public static final int MAX_CONV_DEPTH = 20;
    public static final int MAX_CONV_WIDTH = 128;
    public static final int MIN_BATCH = 1;
    public static final int MAX_BATCH = 4096;
    /** Batch statistics need at least two examples: with one, every normalised value is 0. */
    public static final int MIN_BATCH_WITH_BN = 2;
    public static final double MIN_LEARNING_RATE = 1e-6;
    public static final double MAX_LEARNING_RATE = 100;
    public static final double MAX_MOMENTUM = 0.999;
    public static final double MAX_WEIGHT_DECAY = 1.0;
    /** Top Hessian eigenvalues a run may ask for. */
    public static final int MAX_TOP_K = 30;
    /** More Lanczos products than this are refused: the basis alone would be 1000 vectors of the dimension. */
    public static final int MAX_LANCZOS_ITERATIONS = 1000;
    /** Steps between periodic Hessian reports the window's control offers (0 = only on request). */
    public static final int MAX_HESSIAN_EVERY_CONTROL = 5000;
    /** The window's learning-rate slider: log10 η from -4 to 1 (the stress test's ceiling). */
    public static final double MIN_LEARNING_RATE_CONTROL = 1e-4;
    public static final double MAX_LEARNING_RATE_CONTROL = 10;
    /** Seeds the window's control offers; the CLI takes any long. */
    public static final int MAX_SEED_CONTROL = 1_000_000;
    /** Growth of η per stress stretch: above 1 or η never grows; 10 already skips a decade per stretch. */
    public static final double MIN_STRESS_FACTOR = 1.01;
    public static final double MAX_STRESS_FACTOR = 10;
    public static final int MIN_STRESS_EVERY = 1;
    public static final int MAX_STRESS_EVERY = 1_000_000;
    /** A soak runs at least six seconds and at most a week (the end time cannot overflow). */
    public static final double MIN_SOAK_MINUTES = 0.1;
    public static final double MAX_SOAK_MINUTES = 7 * 24 * 60;
    /** Seconds between a soak's memory lines: from one to one a day. */
    public static final int MIN_SOAK_REPORT_SECONDS = 1;
    public static final int MAX_SOAK_REPORT_SECONDS = 24 * 60 * 60;

    private Limits() {
    }

    public static void requireRange(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be between " + plain(min) + " and " + plain(max)
                    + " (got " + plain(value) + ")");
        }
    }

    /** 50 rather than 50.0, 0.999 as is, 2147483647 and 9223372036854775807 in full. */
    private static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        if (value >= Long.MAX_VALUE) {
            return Long.toString(Long.MAX_VALUE);
        }
        return Double.toString(value);
    }
}
