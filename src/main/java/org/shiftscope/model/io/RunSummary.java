// The final figures of a run, written as summary.json.
package org.shiftscope.model.io;

import org.shiftscope.model.Backend;
import org.shiftscope.model.hessian.DensityReport;
import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.train.Divergence;
import org.shiftscope.model.train.TrainingSession;

/**
 * @param stepsCompleted     steps taken (the last one may be the diverged step)
 * @param finalTrainLoss     mean mini-batch loss over the last {@link RunRecorder#FINAL_WINDOW} steps
 * @param finalTrainAccuracy mean mini-batch accuracy over the same window
 * @param finalTestLoss      test loss at the end (NaN → null if the run diverged)
 * @param finalTestAccuracy  test accuracy at the end
 * @param diverged           whether the run stopped on divergence
 * @param divergenceStep     the step that diverged, or null
 * @param divergenceReason   why, or null
 * @param seconds            wall-clock time of the training loop
 * @param msPerStep          mean wall-clock milliseconds per step, statistics and evaluations included
 * @param backend            the ND4J backend that ran it
 * @param hessian            the last Hessian computation's figures, or null if none ran
 * @param maxStableLr        with the learning-rate stress test, the largest healthy η (null otherwise, or if none)
 * @param density            the last spectral-density computation's figures, or null if none ran
 */
public record RunSummary(long stepsCompleted, Double finalTrainLoss, Double finalTrainAccuracy,
                         Double finalTestLoss, Double finalTestAccuracy, boolean diverged, Long divergenceStep,
                         String divergenceReason, double seconds, double msPerStep, String backend,
                         HessianFigures hessian, Double maxStableLr, DensityFigures density) {

    /**
     * The summary of a run, whoever ran it (the CLI or the window).
     * @param recentLossAndAccuracy mean train loss and accuracy of the last steps (NaN when none)
     * @param divergence            the divergence, or null
     * @param hessian               the last Hessian report, or null
     * @param maxStableLr           the stress test's largest healthy η, NaN when none or no stress test
     */
    public static RunSummary of(long steps, double[] recentLossAndAccuracy, Double testLoss, Double testAccuracy,
                                Divergence divergence, double seconds, HessianReport hessian, double maxStableLr) {
        return new RunSummary(steps, finite(recentLossAndAccuracy[0]), finite(recentLossAndAccuracy[1]), testLoss,
                testAccuracy, divergence != null, divergence == null ? null : divergence.step(),
                divergence == null ? null : divergence.reason(), seconds, steps == 0 ? 0 : seconds * 1e3 / steps,
                Backend.describe(), hessian == null ? null : HessianFigures.of(hessian), finite(maxStableLr), null);
    }

    /**
     * The summary of a finished headless run (train, render): the final test figures unless it diverged.
     * @param density the last spectral density, or null
     */
    public static RunSummary of(TrainingSession session, double[] recentLossAndAccuracy, double seconds,
                                HessianReport hessian, DensityReport density, double maxStableLr) {
        Double testLoss = null;
        Double testAccuracy = null;
        if (!session.diverged()) {
            var test = session.evaluateTest();
            testLoss = test.meanLoss();
            testAccuracy = test.accuracy();
        }
        var summary = of(session.stepsTaken(), recentLossAndAccuracy, testLoss, testAccuracy, session.divergence(),
                seconds, hessian, maxStableLr);
        return density == null ? summary : summary.withDensity(DensityFigures.of(density));
    }

    /** This summary with the last spectral-density computation's figures. */
    public RunSummary withDensity(DensityFigures figures) {
        return new RunSummary(stepsCompleted, finalTrainLoss, finalTrainAccuracy, finalTestLoss, finalTestAccuracy,
                diverged, divergenceStep, divergenceReason, seconds, msPerStep, backend, hessian, maxStableLr, figures);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
