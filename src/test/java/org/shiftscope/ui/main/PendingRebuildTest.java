// What happens while new networks are still being built on the worker: hand changes reach the new runs, only
// the newest rebuild is shown (an older one finishing later is closed unseen, its failure not reported), a
// rebuild asked for meanwhile keeps the dataset chosen before it, and nothing built is shown after closing.
package org.shiftscope.ui.main;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shiftscope.model.data.EmbeddedData;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.scenario.ScenarioReader;
import org.shiftscope.ui.controls.RunChoicesViewModel;
import org.shiftscope.ui.runs.QueuedExecutor;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PendingRebuildTest {
    private final AtomicLong clock = new AtomicLong();
    private final QueuedExecutor executor = new QueuedExecutor();
    private final WindowViewModel vm = new WindowViewModel(RebuildRefusalTest.config(BnMode.ON),
            RebuildRefusalTest.tinyDataset(), clock::get, executor);

    @AfterEach
    void close() {
        vm.close();
        executor.runAll();
    }

    @Test
    void aLiveChangeWhileBuildingReachesTheNewRuns() throws InterruptedException {
        vm.choices().reset();
        vm.settings().learningRateProperty().set(0.3);       // reaches the old run at once
        vm.settings().bnModeProperty().set(BnMode.OFF);
        executor.runAll();
        WindowViewModelTest.refreshUntil(vm, () -> vm.runs().trainerSettings(0).learningRate() == 0.3);
        assertEquals(BnMode.OFF, vm.runs().trainerSettings(0).bnMode());
    }

    @Test
    void aRebuildAskedForWhileADatasetLoadsKeepsThatDataset() {
        vm.choices().useDataset(EmbeddedData.FASHION_MNIST);
        executor.run(0);                                     // loaded; its networks are queued
        vm.settings().comparisonProperty().set(true);        // a rebuild of its own, asked for meanwhile
        executor.runAll();
        assertEquals(EmbeddedData.FASHION_MNIST, vm.runs().datasetNameProperty().get());
        assertEquals(EmbeddedData.FASHION_MNIST, vm.runs().runningConfig().dataset());
        assertEquals(2, vm.runs().runCount());
    }

    @Test
    void anOlderBuildFinishingLaterIsNotShownAndItsFailureIsNotReported() {
        vm.settings().depthProperty().set(3);
        vm.choices().reset();                                // build A: depth 3
        vm.settings().depthProperty().set(4);
        vm.choices().reset();                                // build B: depth 4
        executor.run(1);
        executor.runAll();                                   // A finishes last
        assertEquals(4, vm.runs().runningConfig().depth());
        assertEquals(4, vm.settings().depthProperty().get());
        assertEquals("", vm.runs().messageLine().textProperty().get());
    }

    @Test
    void resetWhileAScenarioBuildsLeavesNoScenario() {
        var scenario = ScenarioReader.bundled().get(0);
        vm.choices().play(scenario);
        vm.choices().reset();
        executor.runAll();
        assertNull(vm.choices().scenarioProperty().get());
    }

    @Test
    void aRefusalCancelsTheRebuildAStructuralChangeAskedFor() {
        vm.settings().bnModeProperty().set(BnMode.OFF);
        vm.settings().batchSizeProperty().set(1);
        afterThePause();
        executor.runAll();
        assertEquals(1, vm.runs().runningConfig().batchSize());
        vm.settings().widthProperty().set(24);               // waits for the pause...
        vm.settings().bnModeProperty().set(BnMode.ON);       // ...but BN on with a batch of 1 is refused
        assertEquals(16, vm.settings().widthProperty().get(), "the controls are set back to the run");
        var lane = vm.runs().lanes().get(0);
        afterThePause();
        executor.runAll();
        assertEquals(lane, vm.runs().lanes().get(0), "the refused settings are not rebuilt after the pause");
    }

    private void afterThePause() {
        clock.addAndGet(RunChoicesViewModel.REBUILD_DEBOUNCE_NANOS);
        vm.refresh();
    }

    @Test
    void nothingBuiltAfterClosingIsShown() {
        vm.choices().reset();
        vm.close();
        executor.runAll();
        assertFalse(vm.runs().trainingThreadAlive(), "the lanes built after closing were closed");
    }
}
