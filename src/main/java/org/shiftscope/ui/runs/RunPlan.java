// What to build when the runs are replaced: the first run's configuration, the second run's BN mode in
// comparison mode (null for one run), and the schedule both follow (a scenario's changes, a stress test).
package org.shiftscope.ui.runs;

import org.shiftscope.model.config.StressSettings;
import org.shiftscope.model.config.TrainingConfig;
import org.shiftscope.model.data.Dataset;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.train.LearningRateStress;
import org.shiftscope.model.train.ScheduledChange;
import org.shiftscope.model.train.SettingsSchedule;

import java.util.List;
import java.util.Locale;

public record RunPlan(TrainingConfig config, BnMode compareWith, StressSettings stress, List<ScheduledChange> changes) {
    public RunPlan {
        changes = List.copyOf(changes);
    }

    public static RunPlan single(TrainingConfig config) {
        return new RunPlan(config, null, null, List.of());
    }

    /** One run, or two whose configurations differ only in BN mode (same weights, same batches). */
    List<TrainingConfig> configs() {
        return compareWith == null ? List.of(config)
                : List.of(config, config.withOptimizer(config.optimizer().withBnMode(compareWith)));
    }

    /** Each run's own copy of the schedule; a stress test starts at the run's own learning rate. */
    SettingsSchedule scheduleFor(TrainingConfig c, Dataset data) {
        return new SettingsSchedule(changes,
                stress == null ? null : LearningRateStress.startingAt(stress, c.optimizer().learningRate(), data.classes()));
    }

    /** "Building depth 8 × width 128 (2 runs)…": shown while the networks are built. */
    String describe() {
        return String.format(Locale.ROOT, "Building depth %d × width %d%s…", config.depth(), config.width(),
                compareWith == null ? "" : " (2 runs)");
    }
}
