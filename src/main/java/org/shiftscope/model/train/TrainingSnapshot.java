// What the UI reads once per frame: an immutable picture of the background run (OpenJFX Task style:
// the training thread publishes, readers never touch the session).
package org.shiftscope.model.train;

import org.shiftscope.model.config.LiveSettings;

import org.shiftscope.model.config.TrainingConfig;

import java.util.List;

/**
 * @param state          life-cycle state
 * @param stepsTaken     steps completed by the current session
 * @param latest         the newest step's record, or null before the first step
 * @param settings       the optimiser settings the next step will use
 * @param config         the configuration of the current session as it started (its first step's settings)
 * @param stepsPerSecond recent training speed, 0 when not running
 * @param message        why the run diverged or failed, or null
 * @param generation     increases on every reset/rebuild, so readers can drop stale history
 * @param scheduled      the run follows a schedule (a scenario's changes or the stress test) that may change its settings
 * @param stressTest     the run follows the learning-rate stress test
 * @param maxStableLearningRate the stress test's largest healthy η so far, NaN if none (yet)
 * @param events         every change of settings in this session and its divergence, oldest first
 */
public record TrainingSnapshot(TrainerState state, long stepsTaken, StepRecord latest, LiveSettings settings,
                               TrainingConfig config, double stepsPerSecond, String message, long generation,
                               boolean scheduled, boolean stressTest, double maxStableLearningRate,
                               List<RunEvent> events) {
}
