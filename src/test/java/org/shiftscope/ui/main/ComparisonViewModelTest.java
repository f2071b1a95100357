// Comparison mode, scenarios and the stress test through the view-model, without a window: two runs that
// differ only in BN mode and share the learning rate, one diverging without stopping the other, and the
// controls following what a schedule chose.
package org.shiftscope.ui.main;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.model.data.SyntheticData;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.scenario.Scenario;
import org.shiftscope.model.train.ScheduledChange;
import org.shiftscope.model.train.TrainerState;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComparisonViewModelTest {
    private final AtomicLong clock = new AtomicLong();
    private final TrainingViewModel vm = new TrainingViewModel(MainViewTest.config(), SyntheticData.generate(1), clock::get);

    @AfterEach
    void close() {
        vm.close();
    }

    private void refreshUntil(BooleanSupplier condition) throws InterruptedException {
        TrainingViewModelTest.refreshUntil(vm, condition);
    }

    @Test
    void twoRunsShareTheLearningRateAndOneDivergingDoesNotStopTheOther() throws Exception {
        vm.comparisonProperty().set(true);
        assertEquals(2, vm.runCount());
        assertEquals(BnMode.ON, vm.trainerSettings(0).bnMode());
        assertEquals(BnMode.OFF, vm.trainerSettings(1).bnMode());

        vm.learningRateProperty().set(0.02);
        refreshUntil(() -> vm.trainerSettings(0).learningRate() == 0.02 && vm.trainerSettings(1).learningRate() == 0.02);

        vm.start();
        refreshUntil(() -> vm.runs().get(0).history().stepsRecorded() > 5 && vm.runs().get(1).history().stepsRecorded() > 5);
        var runs = vm.runs();
        assertEquals("BN on", runs.get(0).label());
        assertEquals("BN off", runs.get(1).label());
        assertEquals(runs.get(0).history().latestStep().pre()[0].mean(), runs.get(0).history().latestStep().pre()[0].mean());

        vm.learningRateProperty().set(TrainingViewModel.maxLearningRate());    // BN off cannot survive η = 10
        refreshUntil(() -> vm.runs().get(1).history().latestStep() != null && vm.runs().get(1).history().latestStep().diverged());
        long onSteps = vm.runs().get(0).history().stepsRecorded();
        refreshUntil(() -> vm.runs().get(0).history().stepsRecorded() > onSteps + 20
                || vm.runs().get(0).history().latestStep().diverged());
        assertTrue(vm.statusProperty().get().contains("BN off diverged"), vm.statusProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("BN off: diverged"), vm.messageProperty().get());

        vm.comparisonProperty().set(false);
        assertEquals(1, vm.runCount());
    }

    @Test
    void theSecondRunsModeIsLiveAndTheFirstRunsModeIsTheMainToggle() throws Exception {
        vm.comparisonProperty().set(true);
        vm.compareBnModeProperty().set(BnMode.FROZEN);
        vm.bnModeProperty().set(BnMode.OFF);
        refreshUntil(() -> vm.trainerSettings(1).bnMode() == BnMode.FROZEN && vm.trainerSettings(0).bnMode() == BnMode.OFF);
        assertTrue(vm.settingsTitle().contains("BN off vs frozen"), vm.settingsTitle());
    }

    @Test
    void aScenarioSetsTheControlsAndItsScheduledChangeMovesThemUntilLeft() throws Exception {
        var config = MainViewTest.config().withOptimizer(MainViewTest.config().optimizer().withLearningRate(0.03));
        var scenario = new Scenario("t", "Freeze", List.of("watch"), "ref", config, BnMode.OFF, null,
                List.of(new ScheduledChange(15, BnMode.FROZEN, null)), false);
        vm.play(scenario);
        assertEquals(scenario, vm.scenarioProperty().get());
        assertTrue(vm.comparisonProperty().get());
        assertEquals(BnMode.OFF, vm.compareBnModeProperty().get());
        assertEquals(0.03, vm.learningRateProperty().get());
        refreshUntil(() -> vm.stepsProperty().get() > 20);
        assertEquals(BnMode.FROZEN, vm.bnModeProperty().get(), "the controls show the scheduled switch");
        assertEquals(BnMode.FROZEN, vm.compareBnModeProperty().get());
        vm.leaveScenario();
        assertNull(vm.scenarioProperty().get());
        vm.pause();
    }

    @Test
    void theStressTestRaisesTheLearningRateTheControlsFollowAndMetricsExportPerRun(@TempDir Path dir) throws Exception {
        vm.learningRateProperty().set(0.01);
        vm.comparisonProperty().set(true);
        vm.startStressTest();
        refreshUntil(() -> vm.stepsProperty().get() > 210);
        assertTrue(vm.learningRateProperty().get() > 0.0141, "η has grown past its first stretch: "
                + vm.learningRateProperty().get());
        assertTrue(vm.stressSummaryProperty().get().contains("Stress test · BN on"), vm.stressSummaryProperty().get());
        assertTrue(vm.runs().get(0).history().accuracyByLearningRate().size() >= 2);
        vm.pause();
        refreshUntil(() -> vm.stateProperty().get() != TrainerState.RUNNING);
        vm.exportMetrics(dir);
        assertTrue(Files.exists(dir.resolve("bn-on").resolve("metrics.csv")));
        assertTrue(Files.exists(dir.resolve("bn-off").resolve("summary.json")));
    }
}
