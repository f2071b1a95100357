// The one-cycle learning-rate schedule of Page's experiments ("How to train your ResNet", Myrtle.ai 2018–19):
// linear from 0 up to the peak at 4/20 of the run, then linear down to 0 at its end.
package org.shiftscope.model.reproduce.page;

/**
 * @param peak     the largest learning rate
 * @param peakStep the step it is reached at
 * @param endStep  the step it returns to 0 at
 */
public record OneCycle(double peak, long peakStep, long endStep) {
    /** Page's shape: the peak after 4 of 20 epochs. */
    public static final double PEAK_FRACTION = 4.0 / 20;

    public OneCycle {
        if (!(peak > 0) || peakStep < 1 || endStep <= peakStep) {
            throw new IllegalArgumentException("a one-cycle schedule needs a positive peak and 0 < peak step < end step");
        }
    }

    /** The schedule of a run of {@code steps} steps peaking at {@code peak}. */
    public static OneCycle over(double peak, long steps) {
        return new OneCycle(peak, Math.max(1, Math.round(steps * PEAK_FRACTION)), Math.max(2, steps));
    }

    /** η of step {@code step} (the update from step to step + 1), never exactly 0 so every step moves. */
    public double rate(long step) {
        double t = step + 0.5;
        double fraction = t <= peakStep ? t / peakStep : Math.max(0, (endStep - t) / (endStep - peakStep));
        return peak * fraction;
    }
}
