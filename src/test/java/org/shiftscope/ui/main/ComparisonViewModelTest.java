// Comparison mode, scenarios and the stress test through the view-model, without a window: two runs that
// differ only in BN mode and share the learning rate, one diverging without stopping the other, and the
// controls following what a schedule chose.
package org.shiftscope.ui.main;

import org.shiftscope.model.config.Limits;
import org.shiftscope.ui.runs.TaskExecutor;

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
    private final WindowViewModel vm = new WindowViewModel(MainViewTest.config(), SyntheticData.generate(1), clock::get, TaskExecutor.sameThread());

    @AfterEach
    void close() {
        vm.close();
    }

    private void refreshUntil(BooleanSupplier condition) throws InterruptedException {
        WindowViewModelTest.refreshUntil(vm, condition);
    }

    @Test
    void twoRunsShareTheLearningRateAndOneDivergingDoesNotStopTheOther() throws Exception {
        vm.settings().comparisonProperty().set(true);
        assertEquals(2, vm.runs().runCount());
        assertEquals(BnMode.ON, vm.runs().trainerSettings(0).bnMode());
        assertEquals(BnMode.OFF, vm.runs().trainerSettings(1).bnMode());

        vm.settings().learningRateProperty().set(0.02);
        refreshUntil(() -> vm.runs().trainerSettings(0).learningRate() == 0.02 && vm.runs().trainerSettings(1).learningRate() == 0.02);

        vm.runs().start();
        refreshUntil(() -> vm.runs().runs().get(0).history().stepsRecorded() > 5 && vm.runs().runs().get(1).history().stepsRecorded() > 5);
        var runs = vm.runs().runs();
        assertEquals("BN on", runs.get(0).label());
        assertEquals("BN off", runs.get(1).label());
        assertEquals(runs.get(0).history().latestStep().pre()[0].mean(), runs.get(0).history().latestStep().pre()[0].mean());

        vm.settings().learningRateProperty().set(Limits.MAX_LEARNING_RATE_CONTROL);    // BN off cannot survive η = 10
        refreshUntil(() -> vm.runs().runs().get(1).history().latestStep() != null && vm.runs().runs().get(1).history().latestStep().diverged());
        long onSteps = vm.runs().runs().get(0).history().stepsRecorded();
        refreshUntil(() -> vm.runs().runs().get(0).history().stepsRecorded() > onSteps + 20
                || vm.runs().runs().get(0).history().latestStep().diverged());
        assertTrue(vm.runs().figures().statusProperty().get().contains("BN off diverged"), vm.runs().figures().statusProperty().get());
        assertTrue(vm.runs().messageLine().textProperty().get().startsWith("BN off: diverged"), vm.runs().messageLine().textProperty().get());

        vm.settings().comparisonProperty().set(false);
        assertEquals(1, vm.runs().runCount());
    }

    @Test
    void theSecondRunsModeIsLiveAndTheFirstRunsModeIsTheMainToggle() throws Exception {
        vm.settings().comparisonProperty().set(true);
        vm.settings().compareBnModeProperty().set(BnMode.FROZEN);
        vm.settings().bnModeProperty().set(BnMode.OFF);
        refreshUntil(() -> vm.runs().trainerSettings(1).bnMode() == BnMode.FROZEN && vm.runs().trainerSettings(0).bnMode() == BnMode.OFF);
        assertTrue(vm.export().settingsTitle().contains("BN off vs frozen"), vm.export().settingsTitle());
    }

    @Test
    void aScenarioSetsTheControlsAndItsScheduledChangeMovesThemUntilLeft() throws Exception {
        var config = MainViewTest.config().withOptimizer(MainViewTest.config().optimizer().withLearningRate(0.03));
        var scenario = new Scenario("t", "Freeze", List.of("watch"), "ref", config, BnMode.OFF, null,
                List.of(new ScheduledChange(15, BnMode.FROZEN, null)), false);
        vm.choices().play(scenario);
        assertEquals(scenario, vm.choices().scenarioProperty().get());
        assertTrue(vm.settings().comparisonProperty().get());
        assertEquals(BnMode.OFF, vm.settings().compareBnModeProperty().get());
        assertEquals(0.03, vm.settings().learningRateProperty().get());
        refreshUntil(() -> vm.runs().stepsProperty().get() > 20);
        assertEquals(BnMode.FROZEN, vm.settings().bnModeProperty().get(), "the controls show the scheduled switch");
        assertEquals(BnMode.FROZEN, vm.settings().compareBnModeProperty().get());
        vm.choices().leaveScenario();
        assertNull(vm.choices().scenarioProperty().get());
        vm.runs().pause();
    }

    @Test
    void theStressTestRaisesTheLearningRateTheControlsFollowAndMetricsExportPerRun(@TempDir Path dir) throws Exception {
        vm.settings().learningRateProperty().set(0.01);
        vm.settings().comparisonProperty().set(true);
        vm.choices().startStressTest();
        refreshUntil(() -> vm.runs().stepsProperty().get() > 210);
        assertTrue(vm.settings().learningRateProperty().get() > 0.0141, "η has grown past its first stretch: "
                + vm.settings().learningRateProperty().get());
        assertTrue(vm.runs().figures().stressSummaryProperty().get().contains("Stress test · BN on"), vm.runs().figures().stressSummaryProperty().get());
        assertTrue(vm.runs().runs().get(0).history().accuracyByLearningRate().size() >= 2);
        vm.runs().pause();
        refreshUntil(() -> vm.runs().stateProperty().get() != TrainerState.RUNNING);
        SyncCalls.exportMetrics(vm, dir);
        assertTrue(Files.exists(dir.resolve("bn-on").resolve("metrics.csv")));
        assertTrue(Files.exists(dir.resolve("bn-off").resolve("summary.json")));
    }
}
