// Settings the window cannot build (a batch larger than the dataset, BN on with a batch of 1, a settings
// file naming data that does not load) are refused with a message; the run that exists goes on and the
// controls go back to describing it. Loading settings takes every field of the file, not only the controls'.
package org.shiftscope.ui.main;

import org.shiftscope.ui.controls.RunChoicesViewModel;
import org.shiftscope.ui.runs.TaskExecutor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.model.data.Dataset;
import org.shiftscope.model.data.Examples;
import org.shiftscope.model.data.SyntheticData;
import org.shiftscope.model.io.Json;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Initialization;
import org.shiftscope.model.config.HessianSettings;
import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.config.TrainingConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class RebuildRefusalTest {
    static final int TRAIN_EXAMPLES = 200;
    static final int TEST_EXAMPLES = 50;
    static final int INPUTS = 6;
    static final int CLASSES = 3;
    static final int BATCH = 32;
    /** Within the batch spinner's range, beyond this dataset. */
    static final int TOO_LARGE_BATCH = 512;

    private final AtomicLong clock = new AtomicLong();
    private final WindowViewModel vm = new WindowViewModel(config(BnMode.ON), tinyDataset(), clock::get, TaskExecutor.sameThread());

    @AfterEach
    void close() {
        vm.close();
    }

    public static TrainingConfig config(BnMode mode) {
        return new TrainingConfig(SyntheticData.NAME, 2, 16, ActivationFunction.RELU, Initialization.HE, false, BATCH,
                1000, 1, 20, 0, new LiveSettings(0.05, 0, false, 0, mode), new HessianSettings(0, 4, 64, 12));
    }

    /** Named like the synthetic data (the configuration's dataset), with few examples. */
    public static Dataset tinyDataset() {
        var random = new Random(4);
        return new Dataset(SyntheticData.NAME, INPUTS, CLASSES, examples(TRAIN_EXAMPLES, random), examples(TEST_EXAMPLES, random));
    }

    private static Examples examples(int count, Random random) {
        var features = new float[count * INPUTS];
        for (int i = 0; i < features.length; i++) {
            features[i] = (float) random.nextGaussian();
        }
        return new Examples(features, random.ints(count, 0, CLASSES).toArray(), count, INPUTS);
    }

    private void rebuildNow() {
        clock.addAndGet(RunChoicesViewModel.REBUILD_DEBOUNCE_NANOS);
        vm.refresh();
    }

    @Test
    void aBatchLargerThanTheDataIsRefusedAndTheRunGoesOn() throws Exception {
        vm.runs().start();
        WindowViewModelTest.refreshUntil(vm, () -> vm.runs().stepsProperty().get() > 3);
        vm.settings().batchSizeProperty().set(TOO_LARGE_BATCH);
        rebuildNow();

        assertTrue(vm.runs().messageLine().textProperty().get().contains("200 training examples"), vm.runs().messageLine().textProperty().get());
        assertEquals(1, vm.runs().runCount());
        assertEquals(BATCH, vm.settings().batchSizeProperty().get(), "the control shows the batch the run uses");
        long before = vm.runs().stepsProperty().get();
        WindowViewModelTest.refreshUntil(vm, () -> vm.runs().stepsProperty().get() > before);   // the run keeps training

        vm.settings().batchSizeProperty().set(BATCH / 2);
        rebuildNow();
        assertEquals(BATCH / 2, vm.settings().config(vm.runs().runningConfig()).batchSize());
        assertEquals("", vm.runs().messageLine().textProperty().get());
    }

    @Test
    void bnOnWithABatchOfOneSaysWhyAndTheControlsMatchTheRun() throws Exception {
        vm.settings().batchSizeProperty().set(1);
        rebuildNow();
        assertTrue(vm.runs().messageLine().textProperty().get().contains("at least 2"), vm.runs().messageLine().textProperty().get());
        assertEquals(BATCH, vm.settings().batchSizeProperty().get());

        vm.settings().bnModeProperty().set(BnMode.OFF);
        vm.settings().batchSizeProperty().set(1);
        rebuildNow();
        assertEquals(1, vm.settings().config(vm.runs().runningConfig()).batchSize());
        vm.settings().bnModeProperty().set(BnMode.ON);
        assertTrue(vm.runs().messageLine().textProperty().get().contains("at least 2"), vm.runs().messageLine().textProperty().get());
        assertEquals(BnMode.OFF, vm.settings().bnModeProperty().get(), "the BN control shows the mode the run trains with");
        assertEquals(BnMode.OFF, vm.runs().trainerSettings(0).bnMode());

        vm.settings().bnModeProperty().set(BnMode.FROZEN);          // queued for the paused trainer, not yet taken
        vm.settings().bnModeProperty().set(BnMode.ON);              // refused within the same frame
        assertEquals(BnMode.FROZEN, vm.settings().bnModeProperty().get(), "the control shows the mode handed to the run");
        vm.runs().step();
        WindowViewModelTest.refreshUntil(vm, () -> vm.runs().stepsProperty().get() == 1);
        assertEquals(BnMode.FROZEN, vm.runs().trainerSettings(0).bnMode());
    }

    @Test
    void loadedSettingsTakeEveryFieldAndBadDataChangesNothing(@TempDir Path dir) throws IOException {
        var wanted = new TrainingConfig(SyntheticData.NAME, 3, 12, ActivationFunction.TANH, Initialization.XAVIER, true,
                BATCH / 2, 500, 77, 7, 5, new LiveSettings(0.02, 0.9, true, 0.01, BnMode.FROZEN),
                new HessianSettings(0, 6, 100, 9));
        Path file = dir.resolve("settings.json");
        Json.mapper().writeValue(file.toFile(), wanted);

        SyncCalls.loadSettings(vm, file);
        var loaded = vm.settings().config(vm.runs().runningConfig());
        assertEquals(wanted.hessian(), loaded.hessian());
        assertEquals(wanted, loaded);
        assertEquals(Initialization.XAVIER, loaded.init());
        assertEquals(7, loaded.evalEvery());
        assertEquals(5, loaded.trackedUnit());
        assertEquals(0.01, loaded.optimizer().weightDecay());
        assertEquals(wanted.optimizer(), vm.runs().trainerSettings(0));

        Path missingData = dir.resolve("missing-data.json");
        Json.mapper().writeValue(missingData.toFile(),
                new TrainingConfig(dir.resolve("no-such-folder").toString(), 2, 16, ActivationFunction.RELU,
                        Initialization.HE, false, BATCH, 100, 1, 20, 0, new LiveSettings(0.1, 0, false, 0, BnMode.OFF),
                        new HessianSettings(0, 4, 64, 12)));
        var e = assertThrows(IOException.class, () -> SyncCalls.loadSettings(vm, missingData));
        assertTrue(e.getMessage().startsWith("missing-data.json: "), e.getMessage());
        assertEquals(3, vm.settings().config(vm.runs().runningConfig()).depth(), "a bad file changes nothing");
        Path nothing = Files.writeString(dir.resolve("null.json"), "null");
        var refused = assertThrows(IOException.class, () -> SyncCalls.loadSettings(vm, nothing));
        assertTrue(refused.getMessage().startsWith("null.json: must hold a JSON object"), refused.getMessage());
        assertEquals(3, vm.settings().config(vm.runs().runningConfig()).depth());
        assertEquals(SyntheticData.NAME, vm.runs().datasetNameProperty().get());
    }
}
