// The background trainer's commands and publication, observed from another thread as the UI would; a stress
// run measures λ1 at every stretch and ends by itself with its verdict.
package org.shiftscope.model.run;

import org.shiftscope.model.train.LearningRateStress;
import org.shiftscope.model.train.SettingsSchedule;
import org.shiftscope.model.train.TrainerState;
import org.shiftscope.model.train.TrainingSnapshot;
import org.shiftscope.model.config.StressSettings;
import org.shiftscope.model.config.TrainingConfig;

import org.shiftscope.model.config.HessianSettings;

import org.junit.jupiter.api.Test;
import org.shiftscope.model.net.BnMode;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class BackgroundTrainerTest {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final long QUIET_MS = 300;

    static TrainingSnapshot await(BackgroundTrainer trainer, Predicate<TrainingSnapshot> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            var snapshot = trainer.snapshot();
            if (condition.test(snapshot)) {
                return snapshot;
            }
            Thread.sleep(5);
        }
        fail("condition not reached; last snapshot " + trainer.snapshot());
        return null;
    }

    @Test
    void startPauseStepSettingsAndClose() throws Exception {
        var config = RunFixtures.config(BnMode.ON, 0.05, 64);
        try (var trainer = new BackgroundTrainer(config, RunFixtures.DATA)) {
            assertEquals(TrainerState.READY, trainer.snapshot().state());
            trainer.start();
            await(trainer, s -> s.stepsTaken() >= 10 && s.state() == TrainerState.RUNNING);

            trainer.pause();
            long paused = await(trainer, s -> s.state() == TrainerState.PAUSED).stepsTaken();
            Thread.sleep(QUIET_MS);
            assertEquals(paused, trainer.snapshot().stepsTaken(), "no steps while paused");

            trainer.step();
            await(trainer, s -> s.stepsTaken() == paused + 1);
            Thread.sleep(QUIET_MS);
            assertEquals(paused + 1, trainer.snapshot().stepsTaken(), "Step takes exactly one step");

            trainer.setLiveSettings(trainer.snapshot().settings().withLearningRate(0.0123).withBnMode(BnMode.FROZEN));
            trainer.step();
            var after = await(trainer, s -> s.stepsTaken() == paused + 2).latest();
            assertEquals(0.0123, after.learningRate());
            assertEquals(BnMode.FROZEN, after.bnMode());

            var drained = trainer.drainRecords();
            assertEquals(paused + 2, drained.size(), "every step's record is published once");
            assertEquals(paused + 2, drained.get(drained.size() - 1).step());
            assertTrue(trainer.drainRecords().isEmpty());

            trainer.rebuild(config);
            var rebuilt = await(trainer, s -> s.generation() == 1);
            assertEquals(0, rebuilt.stepsTaken());
            assertEquals(TrainerState.READY, rebuilt.state());
            trainer.close();
            assertFalse(trainer.isAlive(), "the training thread has ended");
            assertEquals(TrainerState.CLOSED, trainer.snapshot().state());
        }
    }

    @Test
    void hessianReportsArriveWhileTrainingGoesOnAndCarryTheirStep() throws Exception {
        var base = RunFixtures.config(BnMode.ON, 0.05, 64);
        var config = new TrainingConfig(base.dataset(), base.depth(), base.width(), base.activation(), base.init(),
                base.centerInputs(), base.batchSize(), base.steps(), base.seed(), base.evalEvery(), base.trackedUnit(),
                base.optimizer(), new HessianSettings(5, 4, 128, 12));
        try (var trainer = new BackgroundTrainer(config, RunFixtures.DATA)) {
            trainer.start();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (trainer.latestHessian() == null && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            var report = trainer.latestHessian();
            assertTrue(report != null, "a Hessian report arrives");
            assertEquals(0, report.step() % 5, "computed at a multiple of hessian-every");
            assertEquals(0, report.generation());
            assertEquals(4, report.eigenvalues().length);
            assertTrue(report.eigenvalues()[0] >= report.eigenvalues()[3]);
            assertTrue(trainer.snapshot().stepsTaken() >= report.step());
            trainer.rebuild(config);
            await(trainer, s -> s.generation() == 1);
            assertTrue(trainer.drainHessianReports().stream().allMatch(r -> r.generation() == 1),
                    "reports of the old network are dropped on rebuild");
        }
    }

    @Test
    void divergenceIsPublishedAndResetRecovers() throws Exception {
        var config = RunFixtures.config(BnMode.OFF, 50, 64);
        try (var trainer = new BackgroundTrainer(config, RunFixtures.DATA)) {
            trainer.start();
            var diverged = await(trainer, s -> s.state() == TrainerState.DIVERGED);
            assertTrue(diverged.message().startsWith("diverged at step "), diverged.message());
            trainer.rebuild(RunFixtures.config(BnMode.ON, 0.05, 64));
            trainer.start();
            await(trainer, s -> s.generation() == 1 && s.state() == TrainerState.RUNNING && s.stepsTaken() > 3);
        }
    }

    @Test
    void aBackgroundStressRunMeasuresEveryStretchAndStopsWithItsVerdict() throws Exception {
        var base = RunFixtures.config(BnMode.ON, 0.05, 64);
        var config = base.withHessian(new HessianSettings(0, 2, 64, 8)).withOptimizer(base.optimizer().withLearningRate(0.01));
        var stress = LearningRateStress.startingAt(new StressSettings(4, 10, 1), 0.01, RunFixtures.DATA.classes());   // 0.01 … 0.64
        try (var trainer = new BackgroundTrainer(config, RunFixtures.DATA, new SettingsSchedule(List.of(), stress))) {
            trainer.start();
            var end = await(trainer, s -> s.message() != null && s.state() == TrainerState.PAUSED
                    || s.state() == TrainerState.DIVERGED);
            Thread.sleep(QUIET_MS);
            var records = trainer.drainRecords();
            var reports = trainer.drainHessianReports();
            assertTrue(end.stressTest());
            if (end.state() == TrainerState.PAUSED) {
                assertEquals(40, end.stepsTaken(), "four stretches of ten steps, then η = 2.56 passes the limit");
                assertTrue(end.message().startsWith("stress test finished"), end.message());
            }
            for (var r : records) {
                assertEquals(stress.learningRateAt(r.step() - 1), r.learningRate(), 1e-15, "step " + r.step());
            }
            long stretches = records.stream().filter(r -> r.step() % 10 == 0 && !r.diverged()).count();
            assertEquals(stretches, reports.size(), "training waits for λ1 at every stretch end");
            for (var report : reports) {
                assertEquals(stress.learningRateAt(report.step() - 1), report.settings().learningRate(), 1e-15);
            }
            assertFalse(Double.isNaN(end.maxStableLearningRate()), "the first stretches at small η are healthy");
        }
    }
}
