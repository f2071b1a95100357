// The jump is measured at the switch: when a schedule freezes BN at step N, both the window's trainer and the
// headless runner take the curvature of the weights of step N in the old mode and in the new one, before any
// step in the new mode, and the switch is an event at step N made by the scenario.
package org.shiftscope.model.run;

import org.shiftscope.model.train.RunEvent;
import org.shiftscope.model.train.ScheduledChange;
import org.shiftscope.model.train.SettingsSchedule;
import org.shiftscope.model.train.StepRecord;
import org.shiftscope.model.train.TrainerState;
import org.shiftscope.model.config.TrainingConfig;

import org.shiftscope.model.config.HessianSettings;

import org.junit.jupiter.api.Test;
import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.scenario.Scenario;
import org.shiftscope.model.scenario.ScenarioRunner;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeasuredAtTheChangeTest {
    /** The freeze comes between two periodic reports, so only the switch itself can explain reports at its step. */
    static final int FREEZE_AT = 30;
    static final int HESSIAN_EVERY = 25;
    static final int STEPS = 40;

    static TrainingConfig config() {
        return RunFixtures.config(BnMode.ON, 0.05, 64).withHessian(new HessianSettings(HESSIAN_EVERY, 4, 128, 12));
    }

    static List<ScheduledChange> freeze() {
        return List.of(new ScheduledChange(FREEZE_AT, BnMode.FROZEN, null));
    }

    @Test
    void theHeadlessRunnerMeasuresBothModesOnTheWeightsOfTheSwitch() throws Exception {
        var scenario = new Scenario("t", "Freeze", List.of("watch"), "", config(), null, null, freeze(), false);
        var reports = new ArrayList<HessianReport>();
        var steps = new ArrayList<StepRecord>();
        var drivers = ScenarioRunner.drivers(scenario, RunFixtures.DATA, STEPS);
        var outcome = drivers.get(0).addListener(new RunListener() {
            @Override
            public void stepTaken(StepRecord record) {
                steps.add(record);
            }

            @Override
            public void hessian(HessianReport report) {
                reports.add(report);
            }
        });
        ScenarioRunner.run(drivers);
        var atSwitch = reports.stream().filter(r -> r.step() == FREEZE_AT).toList();
        assertEquals(List.of(BnMode.ON, BnMode.FROZEN), atSwitch.stream().map(HessianReport::bnMode).toList());
        assertEquals(BnMode.FROZEN, steps.get(FREEZE_AT).bnMode(), "step 31 is the first in the new mode");
        assertEquals(List.of(new RunEvent(FREEZE_AT, RunEvent.Kind.BN_MODE, "on", "frozen", RunEvent.Cause.SCENARIO)),
                outcome.session().events());
    }

    @Test
    void theWindowsTrainerMeasuresBothModesBeforeTheFirstStepInTheNewMode() throws Exception {
        try (var trainer = new BackgroundTrainer(config(), RunFixtures.DATA, new SettingsSchedule(freeze(), null))) {
            trainer.start();
            var reports = new ArrayList<HessianReport>();
            BackgroundTrainerTest.await(trainer, s -> {
                reports.addAll(trainer.drainHessianReports());
                return reports.stream().filter(r -> r.step() == FREEZE_AT).count() == 2;
            });
            trainer.pause();
            var atSwitch = reports.stream().filter(r -> r.step() == FREEZE_AT).toList();
            assertEquals(List.of(BnMode.ON, BnMode.FROZEN), atSwitch.stream().map(HessianReport::bnMode).toList());
            assertTrue(atSwitch.get(1).lambdaMax() > 0 && atSwitch.get(0).lambdaMax() > 0);
            var events = trainer.snapshot().events();
            assertEquals(RunEvent.Kind.BN_MODE, events.get(0).kind());
            assertEquals(FREEZE_AT, events.get(0).step());
        }
    }
}
