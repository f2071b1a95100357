// Comparison mode's promise: the two runs of a scenario differ only in BN mode, start from identical weights
// (γ = 1, β = 0 included) and see the same batches in the same order; and a stress-test run in the background
// trainer measures λ1 at every stretch and ends by itself with its verdict.
package org.shiftscope.model.train;

import org.shiftscope.model.config.StressSettings;

import org.shiftscope.model.config.TrainingConfig;

import org.shiftscope.model.config.HessianSettings;

import org.junit.jupiter.api.Test;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Parameter;
import org.shiftscope.model.scenario.Scenario;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComparisonRunsTest {
    static final int BATCHES_COMPARED = 200;

    static Scenario comparison(TrainingConfig config, BnMode other, StressSettings stress) {
        return new Scenario("test", "Test", List.of("watch"), "", config, other, stress, List.of(), false);
    }

    @Test
    void theTwoRunsStartFromIdenticalWeightsAndSeeTheSameBatches() {
        var scenario = comparison(TrainingSessionTest.config(BnMode.ON, 0.05, 64), BnMode.OFF, null);
        var configs = scenario.runs();
        assertEquals(2, configs.size());
        assertEquals(configs.get(0).withOptimizer(configs.get(1).optimizer()), configs.get(1),
                "the configurations differ in nothing but the BN mode");
        assertEquals(BnMode.OFF, configs.get(1).optimizer().bnMode());

        var a = new TrainingSession(configs.get(0), TrainingSessionTest.DATA);
        var b = new TrainingSession(configs.get(1), TrainingSessionTest.DATA);
        b.network().setBnMode(BnMode.ON);             // lists the BN layers' γ and β too, which BN off leaves out
        List<Parameter> pa = a.network().parameters();
        List<Parameter> pb = b.network().parameters();
        assertEquals(pa.size(), pb.size());
        for (int i = 0; i < pa.size(); i++) {
            assertEquals(pa.get(i).name(), pb.get(i).name());
            assertArrayEquals(pa.get(i).value().data().asDouble(), pb.get(i).value().data().asDouble(), 0,
                    "initial " + pa.get(i).name());
        }
        b.network().setBnMode(BnMode.OFF);
        for (int i = 0; i < BATCHES_COMPARED; i++) {
            assertArrayEquals(a.sampler().next(), b.sampler().next(), "batch " + i);
        }
    }

    @Test
    void aBackgroundStressRunMeasuresEveryStretchAndStopsWithItsVerdict() throws Exception {
        var base = TrainingSessionTest.config(BnMode.ON, 0.05, 64);
        var config = base.withHessian(new HessianSettings(0, 2, 64, 8)).withOptimizer(base.optimizer().withLearningRate(0.01));
        var stress = LearningRateStress.startingAt(new StressSettings(4, 10, 1), 0.01, TrainingSessionTest.DATA.classes());   // 0.01 … 0.64
        try (var trainer = new BackgroundTrainer(config, TrainingSessionTest.DATA, new SettingsSchedule(List.of(), stress))) {
            trainer.start();
            var end = BackgroundTrainerTest.await(trainer, s -> s.message() != null && s.state() == TrainerState.PAUSED
                    || s.state() == TrainerState.DIVERGED);
            Thread.sleep(BackgroundTrainerTest.QUIET_MS);
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
