// The λ chart never passes an old report off as current: from the first frame after a BN switch the Hessian line
// says STALE (or already shows a report in the new mode), and a report of the new mode computed at the switch
// arrives; the badge says how old the shown report is. View-model only: refresh() is called as the frame timer
// would, and HessianStatus is checked on hand-made reports.
package org.shiftscope.ui.main;

import org.shiftscope.ui.runs.TaskExecutor;

import org.shiftscope.ui.runs.HessianStatus;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shiftscope.model.data.SyntheticData;
import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Normalization;
import org.shiftscope.model.train.BackgroundHessian;
import org.shiftscope.model.config.LiveSettings;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class LiveCurvatureTest {
    static final long TIMEOUT_NANOS = 60_000_000_000L;
    static final LiveSettings ON = new LiveSettings(0.1, 0, false, 0, BnMode.ON);

    private final AtomicLong clock = new AtomicLong();
    private final WindowViewModel vm = new WindowViewModel(MainViewTest.config(), SyntheticData.generate(1), clock::get, TaskExecutor.sameThread());

    @AfterEach
    void close() {
        vm.close();
    }

    private static HessianReport report(long step, LiveSettings settings) {
        return new HessianReport(step, 0, settings.bnMode(), settings, new double[]{5, 3}, new double[2], new double[2],
                new double[2], new double[2], 12, true, 64, 10, 0.1);
    }

    @Test
    void aSwitchMarksTheShownReportStaleAndAReportOfTheNewModeComputedAtTheSwitchReplacesIt() throws Exception {
        vm.runs().start();
        WindowViewModelTest.refreshUntil(vm, () -> vm.runs().history().latestHessian() != null && vm.runs().stepsProperty().get() > 30);
        assertEquals(BnMode.ON, vm.runs().history().latestHessian().bnMode());

        vm.settings().bnModeProperty().set(BnMode.OFF);
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (true) {
            boolean switched = vm.runs().trainerSettings(0).bnMode() == BnMode.OFF;   // read before the refresh that
            vm.refresh();                                                              // then sees it too
            String line = vm.runs().figures().hessianSummaryProperty().get();
            HessianReport shown = vm.runs().history().latestHessian();
            if (switched && shown.bnMode() == BnMode.ON) {
                assertTrue(line.contains("STALE, now BN off"), "an old report is never shown as current: " + line);
            }
            if (shown.bnMode() == BnMode.OFF) {
                assertFalse(line.contains("STALE"), line);
                break;
            }
            if (System.nanoTime() > deadline) {
                fail("no report in the new mode; " + line);
            }
            Thread.sleep(2);
        }
        var fresh = vm.runs().history().latestHessian();
        assertTrue(fresh.step() > 30, "computed on the weights at the switch, not before it: step " + fresh.step());
        assertTrue(vm.runs().figures().hessianSummaryProperty().get().contains("step " + fresh.step() + " (BN off"),
                vm.runs().figures().hessianSummaryProperty().get());
        assertTrue(Double.isFinite(vm.runs().lastSwitchSeconds()), "the switch's latency is measured and logged");
        vm.runs().pause();
    }

    @Test
    void theStatusSaysHowOldTheReportIsWhatIsComputedAndWhyItIsStale() {
        var current = new HessianStatus(report(100, ON), 100, ON, Normalization.BATCH, null);
        assertNull(current.staleReason());
        assertTrue(current.badge().contains("latest: step 100, current"), current.badge());

        var computing = new BackgroundHessian.Activity(BackgroundHessian.Kind.TOP_K, 130, 0, BnMode.ON, 0);
        var old = new HessianStatus(report(100, ON), 142, ON, Normalization.BATCH, computing);
        assertEquals(42, old.age());
        assertTrue(old.badge().contains("42 steps old") && old.badge().contains("λ: computing at step 130…"), old.badge());
        assertTrue(old.line().startsWith("step 100 (BN on, 42 steps old): λ1 = 5"), old.line());

        var switched = new HessianStatus(report(100, ON), 101, ON.withBnMode(BnMode.FROZEN), Normalization.BATCH,
                new BackgroundHessian.Activity(BackgroundHessian.Kind.TOP_K, 101, 0, BnMode.FROZEN, 0));
        assertEquals("now BN frozen", switched.staleReason());
        assertTrue(switched.line().startsWith("STALE, now BN frozen: step 100"), switched.line());
        assertTrue(switched.line().endsWith("λ: computing at step 101 (BN frozen)…"), switched.line());

        var faster = new HessianStatus(report(100, ON), 100, ON.withLearningRate(0.5), Normalization.BATCH, null);
        assertEquals("η is now 0.500", faster.staleReason());
        assertTrue(faster.stale());

        var nothing = new HessianStatus(null, 0, ON, Normalization.BATCH, computing);
        assertEquals("not computed yet · λ: computing at step 130…", nothing.line());

        var layerNorm = new HessianStatus(report(100, ON), 101, ON.withBnMode(BnMode.OFF), Normalization.LAYER,
                new BackgroundHessian.Activity(BackgroundHessian.Kind.TOP_K, 101, 0, BnMode.OFF, 0));
        assertTrue(layerNorm.line().startsWith("STALE, now LayerNorm off: step 100 (LayerNorm on, 1 step old)"),
                "a LayerNorm run's modes are LayerNorm's, not BN's: " + layerNorm.line());
        assertTrue(layerNorm.line().endsWith("λ: computing at step 101 (LayerNorm off)…"), layerNorm.line());
    }
}
