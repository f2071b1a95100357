// Replays a scenario's scheduled changes on the settings of each of its runs, in the order the trainer applies them
// (SettingsSchedule), so a combination the trainer would refuse partway through a run — BN 'on' with a batch of 1 —
// refuses the file up front, naming the step.
package org.shiftscope.model.scenario;

import org.shiftscope.model.train.ScheduledChange;
import org.shiftscope.model.train.SettingsSchedule;

final class ScheduleCheck {
    private ScheduleCheck() {
    }

    /** @throws InvalidScenarioException "name: field 'changes': at step 2, BN 'on' … needs a batch of at least 2 …" */
    static void requireConsistent(String name, Scenario scenario) throws InvalidScenarioException {
        var steps = scenario.changes().stream().mapToLong(ScheduledChange::atStep).distinct().sorted().toArray();
        var schedule = new SettingsSchedule(scenario.changes(), null);
        for (var run : scenario.runs()) {
            var settings = run.optimizer();
            for (long step : steps) {
                settings = schedule.settingsFor(step, settings);
                try {
                    run.withOptimizer(settings);
                } catch (IllegalArgumentException e) {
                    throw new InvalidScenarioException(name + ": field 'changes': at step " + step + " (run with BN "
                            + run.optimizer().bnMode().label() + "), " + e.getMessage());
                }
            }
        }
    }
}
