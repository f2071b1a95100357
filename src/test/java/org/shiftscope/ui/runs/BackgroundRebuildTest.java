// Long work leaves the FX thread free: the largest network the controls allow is built on the executor's
// worker while the FX thread keeps answering, the status shows what is being built, and the new runs are
// swapped in on the FX thread once they exist. Work is handed back in the order it was given.
package org.shiftscope.ui.runs;

import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shiftscope.model.config.Limits;
import org.shiftscope.model.data.SyntheticData;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.ui.main.RebuildRefusalTest;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class BackgroundRebuildTest {
    static final long BUILD_TIMEOUT_SECONDS = 120;

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void workIsHandedBackOnTheFxThreadInOrder() throws Exception {
        try (var executor = new BackgroundExecutor()) {
            var order = new ArrayList<Integer>();
            var onFx = new ArrayList<Boolean>();
            var finished = new CountDownLatch(3);
            Platform.runLater(() -> {
                for (int i = 0; i < 3; i++) {
                    int n = i;
                    executor.submit(i == 1 ? "second" : null, () -> n, result -> {
                        order.add(result);
                        onFx.add(Platform.isFxApplicationThread());
                        finished.countDown();
                    }, failure -> { });
                }
            });
            assertTrue(finished.await(10, TimeUnit.SECONDS));
            assertEquals(List.of(0, 1, 2), order);
            assertEquals(List.of(true, true, true), onFx);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("", executor.busyProperty().get(), "nothing is under way once all is handed back");
        }
    }

    @Test
    void theLargestNetworkIsBuiltWhileTheWindowAnswers() throws Exception {
        var executor = new BackgroundExecutor();
        var small = RebuildRefusalTest.config(BnMode.ON);
        var runs = onFx(() -> new RunsViewModel(small, SyntheticData.generate(1), executor));
        var largest = new org.shiftscope.model.config.TrainingConfig(small.dataset(), Limits.MAX_DEPTH, Limits.MAX_WIDTH,
                small.activation(), small.init(), small.centerInputs(), small.batchSize(), small.steps(), small.seed(),
                small.evalEvery(), 0, small.optimizer(), small.hessian());
        var built = new CountDownLatch(1);
        var busy = new AtomicReference<String>();
        Platform.runLater(() -> {
            runs.rebuild(RunPlan.single(largest), null, built::countDown);
            busy.set(executor.busyProperty().get());
        });
        long started = System.nanoTime();
        long worst = 0;
        while (built.getCount() > 0) {
            long asked = System.nanoTime();
            var answered = new CountDownLatch(1);
            Platform.runLater(answered::countDown);
            assertTrue(answered.await(BUILD_TIMEOUT_SECONDS, TimeUnit.SECONDS), "the FX thread answers");
            worst = Math.max(worst, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked));
            built.await(20, TimeUnit.MILLISECONDS);
        }
        long buildMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(worst * 2 < buildMillis, "the FX thread answered within " + worst + " ms during a build of "
                + buildMillis + " ms: the build did not hold it");
        assertTrue(busy.get().startsWith("Building depth " + Limits.MAX_DEPTH + " × width " + Limits.MAX_WIDTH), busy.get());
        assertEquals(Limits.MAX_DEPTH, onFx(() -> runs.runningConfig().depth()));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(onFx(() -> executor.busyProperty().get()).startsWith("Building"));
        onFx(() -> {
            runs.close();
            executor.close();
            return null;
        });
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        var result = new CompletableFuture<T>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(BUILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
