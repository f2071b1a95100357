// One background run as the window sees it: its trainer, the chart history pulled from it, and the metrics
// log written as it goes. The window has one lane, or two in comparison mode (same weights and data order,
// different BN mode). Used on the FX thread only; the trainer does the work on its own thread.
package org.shiftscope.ui;

import org.shiftscope.model.data.Dataset;
import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.train.BackgroundTrainer;
import org.shiftscope.model.train.OptimizerSettings;
import org.shiftscope.model.train.SettingsSchedule;
import org.shiftscope.model.train.StepRecord;
import org.shiftscope.model.train.TrainingConfig;
import org.shiftscope.model.train.TrainingSnapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

final class RunLane implements AutoCloseable {
    /** Disk space a run's metrics log may take: the classroom default logs 2.8 KB a step, so ~370,000 steps. */
    static final long LOG_LIMIT_BYTES = 1L << 30;
    /** Steps between checks of the log's size. */
    static final int LOG_SIZE_CHECK_EVERY = 1000;
    private final Dataset dataset;
    private final BackgroundTrainer trainer;
    private final long logLimitBytes;
    private RunHistory history = new RunHistory();
    private RunLog log;
    private long shownGeneration = -1;
    private String hessianSummary = "not computed yet";
    private String logError;
    private boolean logFull;
    private OptimizerSettings lastSettings;

    RunLane(TrainingConfig config, Dataset dataset, SettingsSchedule schedule) {
        this(config, dataset, schedule, LOG_LIMIT_BYTES);
    }

    RunLane(TrainingConfig config, Dataset dataset, SettingsSchedule schedule, long logLimitBytes) {
        this.dataset = dataset;
        this.logLimitBytes = logLimitBytes;
        this.trainer = new BackgroundTrainer(config, dataset, schedule);
    }

    /** Pulls what the trainer published since the last frame; true when the charts have something new. */
    boolean refresh() {
        TrainingSnapshot snapshot = trainer.snapshot();
        boolean changed = false;
        if (snapshot.generation() != shownGeneration) {
            shownGeneration = snapshot.generation();
            history = new RunHistory();
            closeLog();
            logFull = false;
            openLog(snapshot.config());
            hessianSummary = "not computed yet";
            changed = true;
        }
        for (var record : trainer.drainRecords()) {
            history.add(record);
            if (log != null && !logFull) {
                logStep(record);
            }
            changed = true;
        }
        for (HessianReport report : trainer.drainHessianReports()) {
            if (report.generation() == shownGeneration) {
                history.add(report);
                hessianSummary = "step " + report.step() + " (BN " + report.bnMode().label() + "): " + report.summary();
                record(report);
                changed = true;
            }
        }
        return changed;
    }

    /**
     * The settings the trainer's schedule (stress test, scenario change) chose since the last call, or null
     * when they did not change by themselves: what the controls should now show.
     */
    OptimizerSettings scheduledSettingsChange() {
        var snapshot = trainer.snapshot();
        var previous = lastSettings;
        lastSettings = snapshot.settings();
        return snapshot.scheduled() && previous != null && !previous.equals(snapshot.settings()) ? snapshot.settings() : null;
    }

    private void openLog(TrainingConfig config) {
        try {
            log = new RunLog(config, dataset);
            logError = null;
        } catch (IOException e) {
            log = null;
            logError = "Metrics will not be exportable: " + e.getMessage();
        }
    }

    /**
     * A log that cannot be written (disk full) is dropped, freeing its space; one that reaches
     * {@link #LOG_LIMIT_BYTES} stops growing, and its export holds the steps up to then. Either way the run
     * and its charts go on.
     */
    private void logStep(StepRecord record) {
        try {
            if (record.step() % LOG_SIZE_CHECK_EVERY == 0 && log.bytes() > logLimitBytes) {
                logFull = true;
                logError = String.format("Metrics log stopped at step %d (it reached %.0f MB): exported metrics end there",
                        record.step(), logLimitBytes / 1048576.0);
                return;
            }
            log.add(record);
        } catch (UncheckedIOException e) {
            closeLog();
            logError = "Metrics log stopped, so this run's metrics cannot be exported: " + e.getCause().getMessage();
        }
    }

    private void record(HessianReport report) {
        if (log == null) {
            return;
        }
        try {
            log.add(report);
        } catch (IOException e) {
            logError = "Could not record the Hessian report: " + e.getMessage();
        }
    }

    private void closeLog() {
        if (log != null) {
            log.close();
            log = null;
        }
    }

    void exportMetrics(Path folder) throws IOException {
        if (log == null) {
            throw new IOException(logError != null ? logError : "no metrics were recorded for this run");
        }
        log.exportTo(folder, trainer.snapshot().maxStableLearningRate());
    }

    /** "BN on": how the charts and the status bar name this lane. */
    String label() {
        return "BN " + trainer.snapshot().settings().bnMode().label();
    }

    /** Why the run stopped, why the Hessian or the log failed, or null. */
    String problem() {
        var snapshot = trainer.snapshot();
        if (snapshot.message() != null) {
            return snapshot.message();
        }
        return trainer.hessianError() != null ? trainer.hessianError() : logError;
    }

    String hessianSummary() {
        return hessianSummary;
    }

    BackgroundTrainer trainer() {
        return trainer;
    }

    TrainingSnapshot snapshot() {
        return trainer.snapshot();
    }

    RunHistory history() {
        return history;
    }

    @Override
    public void close() {
        trainer.close();
        closeLog();
    }
}
