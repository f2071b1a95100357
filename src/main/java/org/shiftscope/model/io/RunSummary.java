// The final figures of a run, written as summary.json.
package org.shiftscope.model.io;

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
 */
public record RunSummary(long stepsCompleted, Double finalTrainLoss, Double finalTrainAccuracy,
                         Double finalTestLoss, Double finalTestAccuracy, boolean diverged, Long divergenceStep,
                         String divergenceReason, double seconds, double msPerStep, String backend,
                         HessianFigures hessian, Double maxStableLr) {
}
