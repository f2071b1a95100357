// The learning-rate stress test (Page, "How to train your ResNet"): η grows geometrically, × factor every N
// steps, until the loss diverges or η passes a limit. A stretch of N steps at one η is healthy when it did
// not diverge and its mean training loss stayed below chance level ln(C); the largest healthy η is reported.
package org.shiftscope.model.train;

import org.shiftscope.model.config.StressSettings;

public final class LearningRateStress {
    private final double start;
    private final double factor;
    private final int every;
    private final double limit;
    private final double chanceLoss;
    private double segmentLossSum;
    private int segmentSteps;
    private double maxStableLearningRate = Double.NaN;

    /** The schedule of one run starting at η = {@code start} (the limit is raised to the start if below it). */
    public static LearningRateStress startingAt(StressSettings settings, double start, int classes) {
        return new LearningRateStress(start, settings.factor(), settings.every(), Math.max(settings.limit(), start),
                classes);
    }

    /**
     * @param start   η of the first stretch
     * @param factor  growth per stretch, > 1
     * @param every   steps per stretch
     * @param limit   the run ends once η would exceed this
     * @param classes number of classes C (chance-level loss ln C)
     */
    public LearningRateStress(double start, double factor, int every, double limit, int classes) {
        if (!(factor > 1) || every < 1 || !(start > 0) || !(limit >= start)) {
            throw new IllegalArgumentException("stress test needs factor > 1, every ≥ 1 and 0 < start ≤ limit");
        }
        this.start = start;
        this.factor = factor;
        this.every = every;
        this.limit = limit;
        this.chanceLoss = Math.log(classes);
    }

    /** η for a 0-based step index. */
    public double learningRateAt(long step) {
        return start * Math.pow(factor, step / every);
    }

    /** Whether the schedule has passed the limit at this 0-based step. */
    public boolean finishedAt(long step) {
        return learningRateAt(step) > limit * (1 + 1e-12);
    }

    /** Feeds one step's record (step is 1-based); closes a stretch every {@code every} steps. */
    public void record(StepRecord r) {
        if (r.diverged()) {
            return;
        }
        segmentLossSum += r.trainLoss();
        segmentSteps++;
        if (r.step() % every == 0) {
            if (segmentLossSum / segmentSteps < chanceLoss) {
                maxStableLearningRate = r.learningRate();
            }
            segmentLossSum = 0;
            segmentSteps = 0;
        }
    }

    /** Steps per stretch. */
    public int every() {
        return every;
    }

    /** The largest η whose whole stretch was healthy, NaN if none was. */
    public double maxStableLearningRate() {
        return maxStableLearningRate;
    }
}
