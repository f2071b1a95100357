// A run's metrics log stops growing at its size limit: the run and its charts go on, the lane says where
// the log ends, and an export holds the steps up to there.
package org.shiftscope.ui.runs;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertNull;

import org.shiftscope.ui.main.RebuildRefusalTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.train.SettingsSchedule;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class RunLaneLogLimitTest {
    /** Less than one check interval's worth of metrics. */
    static final long LIMIT_BYTES = 4096;
    static final long TIMEOUT_NANOS = 60_000_000_000L;

    @Test
    void theLogStopsAtItsLimitAndTheRunGoesOn(@TempDir Path export) throws Exception {
        try (var lane = new RunLane(RebuildRefusalTest.config(BnMode.ON), RebuildRefusalTest.tinyDataset(),
                SettingsSchedule.none(), TaskExecutor.sameThread(), LIMIT_BYTES)) {
            lane.trainer().start();
            long deadline = System.nanoTime() + TIMEOUT_NANOS;
            while (lane.history().latestStep() == null || lane.history().latestStep().step() <= 2L * RunLane.LOG_SIZE_CHECK_EVERY) {
                lane.refresh();
                if (System.nanoTime() > deadline) {
                    fail("the run did not reach " + 2 * RunLane.LOG_SIZE_CHECK_EVERY + " steps");
                }
                Thread.sleep(2);
            }
            assertTrue(lane.problem().startsWith("Metrics log stopped at step " + RunLane.LOG_SIZE_CHECK_EVERY + " "),
                    lane.problem());
            var failure = new AtomicReference<Throwable>();
            lane.exportMetrics(export, () -> { }, failure::set);
            assertNull(failure.get());
            var lines = Files.readAllLines(export.resolve("metrics.csv"));
            String last = lines.get(lines.size() - 1);
            assertEquals(RunLane.LOG_SIZE_CHECK_EVERY - 1, Long.parseLong(last.substring(0, last.indexOf(','))),
                    "the export ends at the step before the check that found the log full");
        }
    }
}
