// A guided demonstration (issue "classroom"): the settings to start from, an optional second run that differs
// only in BN mode, an optional learning-rate stress test, changes scheduled at given steps, and the two lines
// that tell the class what to watch. Read from JSON by ScenarioReader; bundled ones live in assets/scenarios.
package org.shiftscope.model.scenario;

import org.shiftscope.model.train.LearningRateStress;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.train.ScheduledChange;
import org.shiftscope.model.train.SettingsSchedule;
import org.shiftscope.model.config.StressSettings;
import org.shiftscope.model.config.TrainingConfig;

import java.util.List;

/**
 * @param id          file-name-like identifier, e.g. "freeze-bn-curvature"
 * @param title       the picker's label
 * @param explanation what to watch and why, one or two lines
 * @param reference   the paper(s) the demonstration comes from
 * @param config      the run's settings (its BN mode is the first run's); config.steps is what render takes
 * @param compareWith BN mode of a second run with identical weights, data order and η, or null for one run
 * @param stress      the learning-rate stress test, or null
 * @param changes     settings changes at given steps, applied to every run
 * @param overlaid    a comparison is best shown overlaid (e.g. percentile bands) rather than side by side
 */
public record Scenario(String id, String title, List<String> explanation, String reference, TrainingConfig config,
                       BnMode compareWith, StressSettings stress, List<ScheduledChange> changes, boolean overlaid) {

    public Scenario {
        explanation = List.copyOf(explanation);
        changes = List.copyOf(changes);
    }

    public boolean comparison() {
        return compareWith != null;
    }

    /** A fresh schedule for one run of this scenario (each run needs its own: the stress verdict is per run). */
    public SettingsSchedule schedule(int classes) {
        return new SettingsSchedule(changes,
                stress == null ? null : LearningRateStress.startingAt(stress, config.optimizer().learningRate(), classes));
    }

    /** The configuration of each run: the first in the config's BN mode, the second (if any) in compareWith. */
    public List<TrainingConfig> runs() {
        if (compareWith == null) {
            return List.of(config);
        }
        return List.of(config, config.withOptimizer(config.optimizer().withBnMode(compareWith)));
    }
}
