// Page's shift experiments on a live background run: a perturbation is measured on a copy and leaves the run's
// weights bit for bit as they were, whatever its direction; Keep moves them by the measured step once, as an event;
// the layer split of the largest class-mean shift comes at the start without any Hessian.
package org.shiftscope.model.run;

import org.junit.jupiter.api.Test;
import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.shift.PerturbationDirection;
import org.shiftscope.model.shift.PerturbationReport;
import org.shiftscope.model.shift.PerturbationRequest;
import org.shiftscope.model.train.RunEvent;
import org.shiftscope.model.train.ScheduledChange;
import org.shiftscope.model.train.SettingsSchedule;
import org.shiftscope.model.train.TrainerState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.shiftscope.model.run.BackgroundTrainerTest.TIMEOUT;
import static org.shiftscope.model.run.BackgroundTrainerTest.await;

class ShiftExperimentsTest {
    static final double FRACTION = 0.01;
    /** ‖step‖ against f·‖w‖ (both of the same float64 copy). */
    static final double RELATIVE_TOLERANCE = 1e-4;
    /** The kept move against the step: w + Δw is rounded to float32 in the live weights. */
    static final double KEPT_TOLERANCE = 1e-3;

    static double[] weights(BackgroundTrainer trainer) throws Exception {
        return trainer.shift().currentWeights().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    static PerturbationReport nextReport(BackgroundTrainer trainer) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            List<PerturbationReport> reports = trainer.shift().drainPerturbations();
            if (!reports.isEmpty()) {
                return reports.get(reports.size() - 1);
            }
            assertEquals(null, trainer.shift().lastError());
            Thread.sleep(5);
        }
        fail("no perturbation report");
        return null;
    }

    static double norm(double[] v) {
        return Math.sqrt(Arrays.stream(v).map(x -> x * x).sum());
    }

    /** A paused run of a few steps. */
    static BackgroundTrainer pausedRun(BnMode mode, int steps) throws InterruptedException {
        var trainer = new BackgroundTrainer(RunFixtures.config(mode, 0.05, 32), RunFixtures.DATA);
        for (int s = 0; s < steps; s++) {
            trainer.step();
        }
        await(trainer, snapshot -> snapshot.stepsTaken() == steps && snapshot.state() == TrainerState.PAUSED);
        return trainer;
    }

    @Test
    void everyDirectionIsMeasuredOnACopyAndTheLiveWeightsStayBitForBit() throws Exception {
        for (BnMode mode : List.of(BnMode.ON, BnMode.OFF)) {
            try (var trainer = pausedRun(mode, 5)) {
                double[] before = weights(trainer);
                int examples = RunFixtures.config(mode, 0.05, 32).hessian().samples();
                for (PerturbationDirection direction : PerturbationDirection.values()) {
                    trainer.shift().perturb(new PerturbationRequest(direction, 1, FRACTION, 7));
                    var report = nextReport(trainer);
                    assertEquals(direction, report.request().direction());
                    assertEquals(5, report.step());
                    assertEquals(mode, report.bnMode());
                    assertEquals(examples, Arrays.stream(report.before()).sum());
                    assertEquals(examples, Arrays.stream(report.after()).sum());
                    assertEquals(FRACTION * norm(before), report.stepNorm(), RELATIVE_TOLERANCE * report.stepNorm(),
                            "the step is 1% of ‖w‖");
                    assertArrayEquals(before, weights(trainer), mode + ", " + direction + ": the live weights as they were");
                }
                assertTrue(trainer.snapshot().events().isEmpty(), "measuring is not a change");
            }
        }
    }

    @Test
    void aPerturbationWhileTrainingRunsDoesNotStopIt() throws Exception {
        try (var trainer = new BackgroundTrainer(RunFixtures.config(BnMode.ON, 0.05, 32), RunFixtures.DATA)) {
            trainer.start();
            await(trainer, s -> s.stepsTaken() >= 3);
            trainer.shift().perturb(new PerturbationRequest(PerturbationDirection.CLASS_MEAN, 0, FRACTION, 1));
            var report = nextReport(trainer);
            long stepsThen = trainer.snapshot().stepsTaken();
            assertTrue(report.step() <= stepsThen);
            await(trainer, s -> s.stepsTaken() > stepsThen);
        }
    }

    @Test
    void keepMovesTheLiveWeightsByTheMeasuredStepOnceAsTheUsersChange() throws Exception {
        try (var trainer = pausedRun(BnMode.ON, 4)) {
            double[] before = weights(trainer);
            trainer.shift().perturb(new PerturbationRequest(PerturbationDirection.CLASS_MEAN, 2, FRACTION, 1));
            var report = nextReport(trainer);
            trainer.shift().keep(report);
            var snapshot = await(trainer, s -> !s.events().isEmpty());
            assertEquals(List.of(new RunEvent(4, RunEvent.Kind.WEIGHTS, "", "1% along ∂ mean logit 2", RunEvent.Cause.USER)),
                    snapshot.events());
            double[] kept = weights(trainer);
            var moved = new double[kept.length];
            for (int i = 0; i < kept.length; i++) {
                moved[i] = kept[i] - before[i];
            }
            assertEquals(report.stepNorm(), norm(moved), KEPT_TOLERANCE * report.stepNorm());

            trainer.shift().keep(report);                      // once only
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (trainer.shift().lastError() == null && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertNotNull(trainer.shift().lastError(), "a move is kept once");
            assertArrayEquals(kept, weights(trainer));
            assertEquals(1, trainer.snapshot().events().size());
        }
    }

    @Test
    void keepIsRefusedOnceTheBnModeChanged() throws Exception {
        try (var trainer = pausedRun(BnMode.ON, 3)) {
            trainer.shift().perturb(new PerturbationRequest(PerturbationDirection.RANDOM, 0, FRACTION, 3));
            var report = nextReport(trainer);
            trainer.setLiveSettings(new LiveSettings(0.05, 0.9, false, 1e-4, BnMode.FROZEN));
            double[] before = weights(trainer);
            trainer.shift().keep(report);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (trainer.shift().lastError() == null && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(trainer.shift().lastError().contains("BN mode"), trainer.shift().lastError());
            assertArrayEquals(before, weights(trainer));
        }
    }

    @Test
    void aNewBnModeBringsItsOwnLayerSplitOfTheSameWeights() throws Exception {
        try (var trainer = pausedRun(BnMode.ON, 4)) {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (trainer.shift().latestLayerShift() == null && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(BnMode.ON, trainer.shift().latestLayerShift().bnMode(), "the split at the start");
            trainer.setLiveSettings(new LiveSettings(0.05, 0.9, false, 1e-4, BnMode.FROZEN));
            while (trainer.shift().latestLayerShift().bnMode() != BnMode.FROZEN && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            var frozen = trainer.shift().latestLayerShift();
            assertEquals(BnMode.FROZEN, frozen.bnMode(), "a split in the new mode, at once");
            assertEquals(4, frozen.step(), "of the weights of the switch");
        }
    }

    @Test
    void aScheduledFreezesLayerSplitIsOfTheWeightsOfTheFreezeThoughTrainingGoesOn() throws Exception {
        var freeze = new SettingsSchedule(List.of(new ScheduledChange(3, BnMode.FROZEN, null)), null);
        try (var trainer = new BackgroundTrainer(RunFixtures.config(BnMode.ON, 0.05, 32), RunFixtures.DATA, freeze)) {
            trainer.start();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while ((trainer.shift().latestLayerShift() == null || trainer.shift().latestLayerShift().bnMode() != BnMode.FROZEN)
                    && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(BnMode.FROZEN, trainer.shift().latestLayerShift().bnMode());
            assertEquals(3, trainer.shift().latestLayerShift().step(), "the freeze's own weights");
        }
    }

    @Test
    void theLayerSplitOfTheLargestShiftComesAtTheStartWithoutAHessian() throws Exception {
        try (var trainer = new BackgroundTrainer(RunFixtures.config(BnMode.ON, 0.05, 32), RunFixtures.DATA)) {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (trainer.shift().latestLayerShift() == null && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            var split = trainer.shift().latestLayerShift();
            assertNotNull(split);
            assertEquals(0, split.step());
            assertEquals(trainer.snapshot().generation(), split.generation());
            var names = new ArrayList<>(split.share().layers());
            assertEquals(RunFixtures.config(BnMode.ON, 0.05, 32).depth() + 1, names.size(), "each hidden layer and the classifier");
            double share = split.share().classifierShare();
            assertTrue(share > 0 && share <= 1, "classifier share " + share);
            assertFalse(trainer.shift().perturbing());
        }
    }
}
