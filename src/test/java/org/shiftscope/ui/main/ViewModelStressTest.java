// Hammers the window's view-model for a bounded time with what a curious student does, in random order and
// as fast as the frame loop allows: BN toggles, η drags, comparison on/off, the stress test, scenarios,
// structural changes (including batches BN cannot use and batches beyond the data, which are refused), resets,
// while the runs train and the Hessian threads work. Nothing may throw, the runs must match the comparison
// switch, and closing must leave no thread behind.
package org.shiftscope.ui.main;

import org.shiftscope.ui.controls.RunChoicesViewModel;
import org.shiftscope.ui.runs.TaskExecutor;

import org.junit.jupiter.api.Test;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.scenario.Scenario;
import org.shiftscope.model.train.ScheduledChange;
import org.shiftscope.model.config.StressSettings;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ViewModelStressTest {
    static final long DURATION_MS = 4000;
    static final long SEED = 5L;
    static final long JOIN_WAIT_MS = 200;
    /** Rebuilds close and start threads, so an action takes tens of ms on 2 busy cores; the loop must still run. */
    static final int MIN_ACTIONS = 30;
    /** Batch sizes tried: BN 'on' refuses 1, and 512 is beyond the tiny dataset's 200 training examples. */
    static final int[] BATCHES = {1, 2, 16, 64, 512};
    static final int[] WIDTHS = {4, 16, 40};

    @Test
    void randomInteractionNeitherFailsNorLeavesTheRunsInconsistent() throws Exception {
        var clock = new AtomicLong();
        var base = MainViewTest.config();
        var scenario = new Scenario("s", "Stress", List.of("watch"), "", base, BnMode.OFF, new StressSettings(2, 5, 1),
                List.of(new ScheduledChange(7, BnMode.FROZEN, null)), false);
        var vm = new WindowViewModel(base, RebuildRefusalTest.tinyDataset(), clock::get, TaskExecutor.sameThread());
        var random = new Random(SEED);
        long end = System.currentTimeMillis() + DURATION_MS;
        int actions = 0;
        try {
            while (System.currentTimeMillis() < end) {
                switch (random.nextInt(14)) {
                    case 0 -> vm.settings().bnModeProperty().set(BnMode.values()[random.nextInt(3)]);
                    case 1 -> vm.settings().compareBnModeProperty().set(BnMode.values()[random.nextInt(3)]);
                    case 2 -> vm.settings().learningRateProperty().set(Math.pow(10, -4 + 5 * random.nextDouble()));
                    case 3 -> vm.settings().comparisonProperty().set(!vm.settings().comparisonProperty().get());
                    case 4 -> vm.choices().startStressTest();
                    case 5 -> vm.choices().play(scenario);
                    case 6 -> vm.choices().leaveScenario();
                    case 7 -> vm.settings().depthProperty().set(1 + random.nextInt(4));
                    case 8 -> vm.choices().reset();
                    case 9 -> vm.runs().computeHessianNow();
                    case 10 -> vm.settings().overlaidProperty().set(random.nextBoolean());
                    case 11 -> vm.settings().batchSizeProperty().set(BATCHES[random.nextInt(BATCHES.length)]);
                    case 12 -> vm.settings().widthProperty().set(WIDTHS[random.nextInt(WIDTHS.length)]);
                    default -> {
                        if (random.nextBoolean()) {
                            vm.runs().start();
                        } else {
                            vm.runs().pause();
                        }
                    }
                }
                clock.addAndGet(random.nextInt(2) * RunChoicesViewModel.REBUILD_DEBOUNCE_NANOS);
                vm.refresh();
                assertEquals(vm.settings().comparisonProperty().get() ? 2 : 1, vm.runs().runCount(), "runs follow the comparison switch");
                vm.runs().runs().forEach(run -> run.history().lossSeries());
                actions++;
                Thread.sleep(random.nextInt(3));
            }
        } finally {
            vm.close();
        }
        Thread.sleep(JOIN_WAIT_MS);
        assertFalse(vm.runs().trainingThreadAlive(), "closing stops every trainer and Hessian thread");
        assertFalse(actions < MIN_ACTIONS, "actions taken: " + actions);
    }
}
