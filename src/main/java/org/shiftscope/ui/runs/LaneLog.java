// A lane's metrics log, written by the task executor's worker so the frame never waits for the disk. A log
// that cannot be written is dropped (freeing its space); one that reaches its size limit stops growing, and
// its export holds the steps up to there. Either way the run and its charts go on; error() says what happened.
package org.shiftscope.ui.runs;

import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.config.TrainingConfig;
import org.shiftscope.model.data.Dataset;
import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.train.RunEvent;
import org.shiftscope.model.train.StepRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

final class LaneLog {
    private final TaskExecutor executor;
    private final long limitBytes;
    /** Touched on the worker only. */
    private RunLog log;
    private boolean full;
    private volatile String error;

    LaneLog(TaskExecutor executor, long limitBytes) {
        this.executor = executor;
        this.limitBytes = limitBytes;
    }

    /** A new run is shown: its log starts empty. */
    void restart(TrainingConfig config, Dataset dataset) {
        write(() -> {
            closeNow();
            full = false;
            try {
                log = new RunLog(config, dataset);
                error = null;
            } catch (IOException e) {
                error = "Metrics will not be exportable: " + e.getMessage();
            }
        });
    }

    void steps(List<StepRecord> records) {
        write(() -> records.forEach(this::stepNow));
    }

    void report(HessianReport report) {
        write(() -> {
            if (log != null) {
                try {
                    log.add(report);
                } catch (IOException e) {
                    error = "Could not record the Hessian report: " + e.getMessage();
                }
            }
        });
    }

    /** Copies the log's files to {@code folder} once every row given so far is written. */
    void export(Path folder, double maxStable, TrainingConfig config, List<RunEvent> events, LiveSettings settings,
                Runnable done, Consumer<Throwable> failed) {
        executor.submit("Exporting metrics", () -> {
            if (log == null) {
                throw new IOException(error != null ? error : "no metrics were recorded for this run");
            }
            log.exportTo(folder, maxStable, config, events, settings);
            return folder;
        }, written -> done.run(), failed);
    }

    void close() {
        write(this::closeNow);
    }

    /** Why the log stopped or could not start, or null. */
    String error() {
        return error;
    }

    private void stepNow(StepRecord record) {
        if (log == null || full) {
            return;
        }
        try {
            if (record.step() % RunLane.LOG_SIZE_CHECK_EVERY == 0 && log.bytes() > limitBytes) {
                full = true;
                error = String.format("Metrics log stopped at step %d (it reached %.0f MB): exported metrics end there",
                        record.step(), limitBytes / 1048576.0);
                return;
            }
            log.add(record);
        } catch (UncheckedIOException e) {
            closeNow();
            error = "Metrics log stopped, so this run's metrics cannot be exported: " + e.getCause().getMessage();
        }
    }

    private void closeNow() {
        if (log != null) {
            log.close();
            log = null;
        }
    }

    private void write(Runnable work) {
        executor.submit(null, () -> {
            work.run();
            return null;
        }, nothing -> { }, failure -> error = "Metrics log failed: " + failure.getMessage());
    }
}
