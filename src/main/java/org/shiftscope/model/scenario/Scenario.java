// A guided demonstration (issue "classroom"): the settings to start from, an optional second run that differs
// in BN mode or in its network (architecture, normalisation), an optional learning-rate stress test, changes scheduled at given steps, and the two lines
// that tell the class what to watch. Read from JSON by ScenarioReader; bundled ones live in assets/scenarios.
package org.shiftscope.model.scenario;

import org.shiftscope.model.train.LearningRateStress;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.train.ScheduledChange;
import org.shiftscope.model.train.SettingsSchedule;
import org.shiftscope.model.config.NetworkShape;
import org.shiftscope.model.config.StressSettings;
import org.shiftscope.model.config.TrainingConfig;

import java.util.List;

/**
 * @param id          file-name-like identifier, e.g. "freeze-bn-curvature"
 * @param title       the picker's label
 * @param explanation what to watch and why, one or two lines
 * @param reference   the paper(s) the demonstration comes from
 * @param config      the run's settings (its BN mode is the first run's); config.steps is what render takes
 * @param compareWith BN mode of a second run with identical weights, data order and η, or null for the first's
 *                    (or for one run)
 * @param stress      the learning-rate stress test, or null
 * @param changes     settings changes at given steps, applied to every run
 * @param overlaid    a comparison is best shown overlaid (e.g. percentile bands) rather than side by side
 * @param compareNetwork the second run's network when it differs from the first's (same seed and data order),
 *                    or null
 */
public record Scenario(String id, String title, List<String> explanation, String reference, TrainingConfig config,
                       BnMode compareWith, StressSettings stress, List<ScheduledChange> changes, boolean overlaid,
                       NetworkShape compareNetwork) {

    public Scenario {
        explanation = List.copyOf(explanation);
        changes = List.copyOf(changes);
    }

    /** A scenario that compares BN modes only, on the first run's network. */
    public Scenario(String id, String title, List<String> explanation, String reference, TrainingConfig config,
                    BnMode compareWith, StressSettings stress, List<ScheduledChange> changes, boolean overlaid) {
        this(id, title, explanation, reference, config, compareWith, stress, changes, overlaid, null);
    }

    public boolean comparison() {
        return compareWith != null || compareNetwork != null;
    }

    /** A fresh schedule for one run of this scenario (each run needs its own: the stress verdict is per run). */
    public SettingsSchedule schedule(int classes) {
        return new SettingsSchedule(changes,
                stress == null ? null : LearningRateStress.startingAt(stress, config.optimizer().learningRate(), classes));
    }

    /** The configuration of each run: the first as the config says, the second (if any) in compareWith and compareNetwork. */
    public List<TrainingConfig> runs() {
        return comparison() ? List.of(config, second(config, compareWith, compareNetwork)) : List.of(config);
    }

    /** The second run of {@code first}: its BN mode and network where given, else the first's. */
    public static TrainingConfig second(TrainingConfig first, BnMode mode, NetworkShape network) {
        return first.comparedWith(mode != null ? mode : first.optimizer().bnMode(), network != null ? network : first.network());
    }
}
