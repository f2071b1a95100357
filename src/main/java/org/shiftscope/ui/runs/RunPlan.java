// What to build when the runs are replaced: the first run's configuration, the second run's BN mode and network
// in comparison mode (both null for one run), and the schedule both follow (a scenario's changes, a stress test).
package org.shiftscope.ui.runs;

import org.shiftscope.model.config.NetworkShape;
import org.shiftscope.model.config.StressSettings;
import org.shiftscope.model.config.TrainingConfig;
import org.shiftscope.model.data.Dataset;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.run.RunTexts;
import org.shiftscope.model.scenario.Scenario;
import org.shiftscope.model.train.LearningRateStress;
import org.shiftscope.model.train.ScheduledChange;
import org.shiftscope.model.train.SettingsSchedule;

import java.util.List;
import java.util.Locale;

public record RunPlan(TrainingConfig config, BnMode compareWith, StressSettings stress, List<ScheduledChange> changes,
                      NetworkShape compareNetwork) {
    public RunPlan {
        changes = List.copyOf(changes);
    }

    /** Runs that differ in BN mode only (or one run, compareWith null). */
    public RunPlan(TrainingConfig config, BnMode compareWith, StressSettings stress, List<ScheduledChange> changes) {
        this(config, compareWith, stress, changes, null);
    }

    /** The runs of a scenario, with its schedule. */
    public static RunPlan of(Scenario scenario) {
        return new RunPlan(scenario.config(), scenario.compareWith(), scenario.stress(), scenario.changes(),
                scenario.compareNetwork());
    }

    private boolean comparison() {
        return compareWith != null || compareNetwork != null;
    }

    public static RunPlan single(TrainingConfig config) {
        return new RunPlan(config, null, null, List.of());
    }

    /** One run, or two whose configurations differ in BN mode or network (same seed, same batches). */
    List<TrainingConfig> configs() {
        return comparison() ? List.of(config, Scenario.second(config, compareWith, compareNetwork)) : List.of(config);
    }

    /** Each run's own copy of the schedule; a stress test starts at the run's own learning rate. */
    SettingsSchedule scheduleFor(TrainingConfig c, Dataset data) {
        return new SettingsSchedule(changes,
                stress == null ? null : LearningRateStress.startingAt(stress, c.optimizer().learningRate(), data.classes()));
    }

    /** "Building depth 8 × width 128 (2 runs)…": shown while the networks are built. */
    String describe() {
        return String.format(Locale.ROOT, "Building %s%s…", RunTexts.sizes(config),
                comparison() ? " (2 runs)" : "");
    }
}
