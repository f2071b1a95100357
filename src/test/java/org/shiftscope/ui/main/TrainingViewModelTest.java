// The view-model without a window or FX thread: refresh() is called directly and the clock is a variable,
// so the rebuild debounce and the exports are deterministic.
package org.shiftscope.ui.main;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.model.data.SyntheticData;
import org.shiftscope.model.io.Json;
import org.shiftscope.model.io.RunRecorder;
import org.shiftscope.model.net.BnMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class TrainingViewModelTest {
    static final long TIMEOUT_NANOS = 60_000_000_000L;

    private final AtomicLong clock = new AtomicLong();
    private final TrainingViewModel vm = new TrainingViewModel(MainViewTest.config(), SyntheticData.generate(1), clock::get);

    @AfterEach
    void close() {
        vm.close();
    }

    private void refreshUntil(BooleanSupplier condition) throws InterruptedException {
        refreshUntil(vm, condition);
    }

    /** Calls refresh() as the frame timer would until the condition holds (or fails after the timeout). */
    static void refreshUntil(TrainingViewModel vm, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (System.nanoTime() < deadline) {
            vm.refresh();
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(5);
        }
        fail("condition not reached; status " + vm.statusProperty().get());
    }

    @Test
    void structuralChangesRebuildOnlyAfterTheDebounce() throws Exception {
        vm.start();
        refreshUntil(() -> vm.stepsProperty().get() > 5);
        vm.depthProperty().set(4);
        vm.widthProperty().set(40);
        vm.refresh();
        assertTrue(vm.stepsProperty().get() > 0, "not rebuilt before the debounce has passed");
        clock.addAndGet(TrainingViewModel.REBUILD_DEBOUNCE_NANOS);
        refreshUntil(() -> vm.stepsProperty().get() == 0 && vm.history().stepsRecorded() == 0);
        assertEquals(4, vm.currentConfig().depth());
        vm.step();
        refreshUntil(() -> vm.history().latestStep() != null);
        assertEquals(4, vm.history().latestStep().pre().length, "the rebuilt network has the new depth");
    }

    @Test
    void liveSettingsReachTheTrainerAndBadOnesSayWhy() throws Exception {
        vm.learningRateProperty().set(0.3);
        vm.bnModeProperty().set(BnMode.FROZEN);
        refreshUntil(() -> vm.trainerSettings().learningRate() == 0.3 && vm.trainerSettings().bnMode() == BnMode.FROZEN);
        vm.batchSizeProperty().set(1);
        clock.addAndGet(TrainingViewModel.REBUILD_DEBOUNCE_NANOS);
        vm.refresh();
        assertTrue(vm.messageProperty().get().contains("at least 2"),
                "a rebuilt network starts frozen BN as on, which a batch of one cannot train: " + vm.messageProperty().get());
        assertEquals(BnMode.FROZEN, vm.bnModeProperty().get(), "the refused rebuild leaves the run and its control as they were");
    }

    @Test
    void resetStartsFrozenBnAgainAsOnAndSaysSoButKeepsOff() throws Exception {
        vm.bnModeProperty().set(BnMode.FROZEN);
        vm.step();
        refreshUntil(() -> vm.stepsProperty().get() == 1);
        vm.reset();
        assertEquals(BnMode.ON, vm.bnModeProperty().get());
        assertEquals(BnMode.ON, vm.currentConfig().optimizer().bnMode());
        assertEquals(BnMode.ON, vm.trainerSettings().bnMode(), "the new network trains with BN on");
        assertEquals(TrainingViewModel.UNFROZEN_ON_RESET, vm.messageProperty().get());
        refreshUntil(() -> vm.stepsProperty().get() == 0);

        vm.bnModeProperty().set(BnMode.OFF);
        vm.reset();
        assertEquals(BnMode.OFF, vm.trainerSettings().bnMode(), "off is a setting a new network can start with");
        assertEquals("", vm.messageProperty().get());
    }

    @Test
    void metricsExportWritesTheCliFilesAndSettingsRoundTrip(@TempDir Path dir) throws Exception {
        vm.start();
        refreshUntil(() -> vm.history().stepsRecorded() >= 40);
        vm.pause();
        Path out = dir.resolve("export");
        vm.exportMetrics(out);
        var metrics = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals(RunRecorder.METRICS_HEADER, metrics.get(0));
        assertTrue(metrics.size() >= 41);
        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        assertTrue(summary.get("steps_completed").asInt() >= 40);
        assertTrue(Files.exists(out.resolve("layers.csv")) && Files.exists(out.resolve("config.json")));

        vm.learningRateProperty().set(0.0123);
        vm.depthProperty().set(5);
        Path settings = dir.resolve("settings.json");
        vm.saveSettings(settings);
        vm.learningRateProperty().set(0.5);
        vm.depthProperty().set(2);
        vm.loadSettings(settings);
        assertEquals(0.0123, vm.learningRateProperty().get());
        assertEquals(5, vm.depthProperty().get());

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, Files.readString(settings).replace("\"depth\" : 5", "\"depth\" : 500"));
        var error = assertThrows(IOException.class, () -> vm.loadSettings(broken));
        assertTrue(error.getMessage().contains("depth must be between 1 and 50"), error.getMessage());
        assertEquals(5, vm.depthProperty().get(), "a bad file changes nothing");
    }
}
