// The driver's events on a fixed-seed synthetic run: every step told in order, Hessian reports at the start and
// every N steps, a stretch-finished event with a λ1 report of its last step at each stress stretch's end, run
// events for the stress test's changes, and one finished event with the reason the run ended.
package org.shiftscope.model.run;

import org.junit.jupiter.api.Test;
import org.shiftscope.model.config.HessianSettings;
import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.config.TrainingConfig;
import org.shiftscope.model.config.StressSettings;
import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Initialization;
import org.shiftscope.model.train.BackgroundHessian;
import org.shiftscope.model.train.LearningRateStress;
import org.shiftscope.model.train.RunEvent;
import org.shiftscope.model.train.SettingsSchedule;
import org.shiftscope.model.train.StepRecord;
import org.shiftscope.model.train.TrainingSession;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunDriverTest {
    static final int STEPS = 30;
    static final int HESSIAN_EVERY = 10;
    static final int STRETCH = 5;

    /** Every event, as text, in the order the driver told it. */
    static final class Tape implements RunListener {
        final List<String> events = new ArrayList<>();
        final List<StepRecord> steps = new ArrayList<>();
        final List<HessianReport> reports = new ArrayList<>();
        final List<StretchEnd> stretches = new ArrayList<>();
        final List<FinishReason> finishes = new ArrayList<>();

        @Override
        public void stepTaken(StepRecord record) {
            steps.add(record);
            events.add("step " + record.step());
        }

        @Override
        public void hessian(HessianReport report) {
            reports.add(report);
            events.add("hessian " + report.step());
        }

        @Override
        public void stretchFinished(StretchEnd stretch) {
            stretches.add(stretch);
            events.add("stretch " + stretch.step());
        }

        @Override
        public void finished(FinishReason reason) {
            finishes.add(reason);
            events.add("finished " + reason);
        }
    }

    static TrainingSession session(int hessianEvery, double lr) {
        return session(hessianEvery, lr, BnMode.ON);
    }

    static TrainingSession session(int hessianEvery, double lr, BnMode mode) {
        var config = RunFixtures.config(mode, lr, 64).withHessian(new HessianSettings(hessianEvery, 2, 64, 8));
        return new TrainingSession(config, RunFixtures.DATA);
    }

    /** A Hessian that would not fit in memory (a Krylov basis of ~180 GB here) is refused with its reason; the run goes on. */
    @Test
    void aHessianThatWouldNotFitIsRefusedWithItsReasonAndTheRunGoesOn() {
        var config = new TrainingConfig("synthetic", 20, 1024, ActivationFunction.RELU, Initialization.HE, false, 64, 3,
                4, 20, 0, new LiveSettings(0.01, 0, false, 0, BnMode.ON), new HessianSettings(1, 30, 64, 1000));
        var session = new TrainingSession(config, RunFixtures.DATA);
        var tape = new Tape();
        var refusals = new ArrayList<String>();
        var driver = RunDriver.headless(session, SettingsSchedule.none(), HessianPolicy.of(config), 3).addListener(tape)
                .addListener(new RunListener() {
                    @Override
                    public void refused(BackgroundHessian.Kind kind, long step, String why) {
                        refusals.add(kind + " at " + step + ": " + why);
                    }
                });

        assertEquals(FinishReason.STEPS_DONE, driver.run());
        assertEquals(3, tape.steps.size(), "every step is taken");
        assertTrue(tape.reports.isEmpty());
        assertEquals(4, refusals.size(), "at the start and after each step: " + refusals);
        assertTrue(refusals.get(0).startsWith("TOP_K at 0: the top-30 Hessian of this network") && refusals.get(0).contains("GB"),
                refusals.get(0));
    }

    @Test
    void aPlainRunReportsAtTheStartAndEveryNStepsAndEndsWhenItsStepsAreDone() {
        var tape = new Tape();
        var session = session(HESSIAN_EVERY, 0.05);
        var driver = RunDriver.headless(session, SettingsSchedule.none(), HessianPolicy.of(session.config()), STEPS)
                .addListener(tape);
        assertEquals(FinishReason.STEPS_DONE, driver.run());
        assertEquals(LongStream.rangeClosed(1, STEPS).boxed().toList(), tape.steps.stream().map(StepRecord::step).toList());
        assertEquals(List.of(0L, 10L, 20L, 30L), tape.reports.stream().map(HessianReport::step).toList());
        assertEquals(List.of("hessian 0", "step 1"), tape.events.subList(0, 2), "the start is measured before step 1");
        int tenth = tape.events.indexOf("step 10");
        assertEquals("hessian 10", tape.events.get(tenth + 1), "the report follows its step at once");
        assertEquals(List.of(FinishReason.STEPS_DONE), tape.finishes);
        assertEquals("finished STEPS_DONE", tape.events.get(tape.events.size() - 1));
        assertFalse(driver.step(), "a finished run takes no more steps");
        assertEquals(STEPS, session.stepsTaken());
        assertEquals(1, tape.finishes.size(), "the end is told once");
    }

    @Test
    void aStressRunMeasuresLambdaOneAtEveryStretchEndAndFinishesAtItsLimit() {
        var tape = new Tape();
        var runEvents = new ArrayList<RunEvent>();
        var session = session(0, 0.01);
        var stress = LearningRateStress.startingAt(new StressSettings(2, STRETCH, 0.08), 0.01, RunFixtures.DATA.classes());
        var driver = RunDriver.headless(session, new SettingsSchedule(List.of(), stress), HessianPolicy.of(session.config()),
                1000).addListener(tape).addListener(new RunListener() {
                    @Override
                    public void runEvent(RunEvent event) {
                        runEvents.add(event);
                    }
                });
        var reason = driver.run();
        assertEquals(FinishReason.STRESS_FINISHED, reason, "η 0.01, 0.02, 0.04, 0.08, then 0.16 passes the limit");
        assertEquals(4 * STRETCH, tape.steps.size());
        assertEquals(List.of(5L, 10L, 15L, 20L), tape.stretches.stream().map(StretchEnd::step).toList());
        for (var stretch : tape.stretches) {
            int at = tape.events.indexOf("stretch " + stretch.step());
            assertEquals("step " + stretch.step(), tape.events.get(at - 1));
            assertEquals("hessian " + stretch.step(), tape.events.get(at + 1), "λ1 right after the stretch's last step");
        }
        assertEquals(List.of(0.01, 0.02, 0.04, 0.08), tape.reports.stream().map(r -> r.settings().learningRate()).toList(),
                "each report in its stretch's η");
        assertEquals(driver.schedule().maxStableLearningRate(), tape.stretches.get(3).maxStableLearningRate(),
                "the last stretch carries the verdict");
        assertEquals(3, runEvents.size(), "three raises of η");
        assertTrue(runEvents.stream().allMatch(e -> e.cause() == RunEvent.Cause.STRESS_TEST && e.kind() == RunEvent.Kind.LEARNING_RATE));
        assertEquals(List.of(FinishReason.STRESS_FINISHED), tape.finishes);
    }

    @Test
    void aDivergedRunEndsWithItsDivergentStepAndNoReportAfterIt() {
        var tape = new Tape();
        var session = session(HESSIAN_EVERY, 100, BnMode.OFF);
        var driver = RunDriver.headless(session, SettingsSchedule.none(), HessianPolicy.of(session.config()), STEPS)
                .addListener(tape);
        assertEquals(FinishReason.DIVERGED, driver.run());
        var last = tape.steps.get(tape.steps.size() - 1);
        assertTrue(last.diverged());
        assertTrue(tape.reports.stream().allMatch(r -> r.step() < last.step()), "no curvature of diverged weights");
        assertEquals(List.of("step " + last.step(), "finished DIVERGED"), tape.events.subList(tape.events.size() - 2,
                tape.events.size()));
    }
}
