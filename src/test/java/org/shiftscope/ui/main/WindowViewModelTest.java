// The view-model without a window or FX thread: refresh() is called directly and the clock is a variable,
// so the rebuild debounce and the exports are deterministic.
package org.shiftscope.ui.main;

import org.shiftscope.ui.controls.RunChoicesViewModel;
import org.shiftscope.ui.runs.TaskExecutor;

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

class WindowViewModelTest {
    static final long TIMEOUT_NANOS = 60_000_000_000L;

    private final AtomicLong clock = new AtomicLong();
    private final WindowViewModel vm = new WindowViewModel(MainViewTest.config(), SyntheticData.generate(1), clock::get, TaskExecutor.sameThread());

    @AfterEach
    void close() {
        vm.close();
    }

    private void refreshUntil(BooleanSupplier condition) throws InterruptedException {
        refreshUntil(vm, condition);
    }

    /** Calls refresh() as the frame timer would until the condition holds (or fails after the timeout). */
    static void refreshUntil(WindowViewModel vm, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (System.nanoTime() < deadline) {
            vm.refresh();
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(5);
        }
        fail("condition not reached; status " + vm.runs().figures().statusProperty().get());
    }

    @Test
    void structuralChangesRebuildOnlyAfterTheDebounce() throws Exception {
        vm.runs().start();
        refreshUntil(() -> vm.runs().stepsProperty().get() > 5);
        vm.settings().depthProperty().set(4);
        vm.settings().widthProperty().set(40);
        vm.refresh();
        assertTrue(vm.runs().stepsProperty().get() > 0, "not rebuilt before the debounce has passed");
        clock.addAndGet(RunChoicesViewModel.REBUILD_DEBOUNCE_NANOS);
        refreshUntil(() -> vm.runs().stepsProperty().get() == 0 && vm.runs().history().stepsRecorded() == 0);
        assertEquals(4, vm.settings().config(vm.runs().runningConfig()).depth());
        vm.runs().step();
        refreshUntil(() -> vm.runs().history().latestStep() != null);
        assertEquals(4, vm.runs().history().latestStep().pre().length, "the rebuilt network has the new depth");
    }

    @Test
    void liveSettingsReachTheTrainerAndBadOnesSayWhy() throws Exception {
        vm.settings().learningRateProperty().set(0.3);
        vm.settings().bnModeProperty().set(BnMode.FROZEN);
        refreshUntil(() -> vm.runs().trainerSettings(0).learningRate() == 0.3 && vm.runs().trainerSettings(0).bnMode() == BnMode.FROZEN);
        vm.settings().batchSizeProperty().set(1);
        clock.addAndGet(RunChoicesViewModel.REBUILD_DEBOUNCE_NANOS);
        vm.refresh();
        assertTrue(vm.runs().messageLine().textProperty().get().contains("at least 2"),
                "a rebuilt network starts frozen BN as on, which a batch of one cannot train: " + vm.runs().messageLine().textProperty().get());
        assertEquals(BnMode.FROZEN, vm.settings().bnModeProperty().get(), "the refused rebuild leaves the run and its control as they were");
    }

    @Test
    void resetStartsFrozenBnAgainAsOnAndSaysSoButKeepsOff() throws Exception {
        vm.settings().bnModeProperty().set(BnMode.FROZEN);
        vm.runs().step();
        refreshUntil(() -> vm.runs().stepsProperty().get() == 1);
        vm.choices().reset();
        assertEquals(BnMode.ON, vm.settings().bnModeProperty().get());
        assertEquals(BnMode.ON, vm.settings().config(vm.runs().runningConfig()).optimizer().bnMode());
        assertEquals(BnMode.ON, vm.runs().trainerSettings(0).bnMode(), "the new network trains with BN on");
        assertEquals(RunChoicesViewModel.UNFROZEN_ON_RESET, vm.runs().messageLine().textProperty().get());
        refreshUntil(() -> vm.runs().stepsProperty().get() == 0);

        vm.settings().bnModeProperty().set(BnMode.OFF);
        vm.choices().reset();
        assertEquals(BnMode.OFF, vm.runs().trainerSettings(0).bnMode(), "off is a setting a new network can start with");
        assertEquals("", vm.runs().messageLine().textProperty().get());
    }

    @Test
    void metricsExportWritesTheCliFilesAndSettingsRoundTrip(@TempDir Path dir) throws Exception {
        vm.runs().start();
        refreshUntil(() -> vm.runs().history().stepsRecorded() >= 40);
        vm.runs().pause();
        Path out = dir.resolve("export");
        SyncCalls.exportMetrics(vm, out);
        var metrics = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals(RunRecorder.METRICS_HEADER, metrics.get(0));
        assertTrue(metrics.size() >= 41);
        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        assertTrue(summary.get("steps_completed").asInt() >= 40);
        assertTrue(Files.exists(out.resolve("layers.csv")) && Files.exists(out.resolve("config.json")));

        vm.settings().learningRateProperty().set(0.0123);
        vm.settings().depthProperty().set(5);
        Path settings = dir.resolve("settings.json");
        SyncCalls.saveSettings(vm, settings);
        vm.settings().learningRateProperty().set(0.5);
        vm.settings().depthProperty().set(2);
        SyncCalls.loadSettings(vm, settings);
        assertEquals(0.0123, vm.settings().learningRateProperty().get());
        assertEquals(5, vm.settings().depthProperty().get());

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, Files.readString(settings).replace("\"depth\" : 5", "\"depth\" : 500"));
        var error = assertThrows(IOException.class, () -> SyncCalls.loadSettings(vm, broken));
        assertTrue(error.getMessage().contains("depth must be between 1 and 50"), error.getMessage());
        assertEquals(5, vm.settings().depthProperty().get(), "a bad file changes nothing");
    }
}
