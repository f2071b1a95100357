// One background run as the window sees it: its trainer, the chart history pulled from it, and the metrics
// log written as it goes. The window has one lane, or two in comparison mode (same weights and data order,
// different BN mode). Used on the FX thread only; the trainer does the work on its own thread.
package org.shiftscope.ui.runs;

import org.shiftscope.ui.charts.RunHistory;

import org.shiftscope.model.data.Dataset;
import org.shiftscope.model.hessian.DensityReport;
import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.run.BackgroundTrainer;
import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.train.SettingsSchedule;
import org.shiftscope.model.train.StepRecord;
import org.shiftscope.model.config.TrainingConfig;
import org.shiftscope.model.train.TrainingSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

public final class RunLane implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunLane.class);
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
    private HessianStatus hessianStatus;
    private BnModeSwitch pendingSwitch;
    private double lastSwitchSeconds = Double.NaN;
    private String logError;
    private boolean logFull;
    private LiveSettings lastSettings;

    public RunLane(TrainingConfig config, Dataset dataset, SettingsSchedule schedule) {
        this(config, dataset, schedule, LOG_LIMIT_BYTES);
    }

    public RunLane(TrainingConfig config, Dataset dataset, SettingsSchedule schedule, long logLimitBytes) {
        this.dataset = dataset;
        this.logLimitBytes = logLimitBytes;
        this.trainer = new BackgroundTrainer(config, dataset, schedule);
    }

    /** Pulls what the trainer published since the last frame; true when the charts have something new. */
    public boolean refresh() {
        TrainingSnapshot snapshot = trainer.snapshot();
        boolean changed = false;
        if (snapshot.generation() != shownGeneration) {
            shownGeneration = snapshot.generation();
            history = new RunHistory();
            closeLog();
            logFull = false;
            openLog(snapshot.config());
            pendingSwitch = null;
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
                record(report);
                noteSwitchAnswered(report);
                changed = true;
            }
        }
        for (DensityReport density : trainer.drainDensities()) {
            if (density.generation() == shownGeneration) {
                history.add(density);
                changed = true;
            }
        }
        if (snapshot.events() != history.events()) {
            history.setEvents(snapshot.events());
            changed = true;
        }
        var activity = trainer.hessianActivity();
        var status = new HessianStatus(history.latestHessian(), snapshot.stepsTaken(), snapshot.settings(),
                activity != null && activity.generation() == shownGeneration ? activity : null);
        changed |= !status.equals(hessianStatus);
        hessianStatus = status;
        return changed;
    }

    /**
     * The user switched this run's BN mode: the time from here to the chart's first report in that mode is
     * logged (README, "Live curvature"), so anyone can measure how live the λ chart is.
     */
    public void noteBnModeRequested(BnMode mode) {
        if (mode != trainer.snapshot().settings().bnMode()) {
            pendingSwitch = new BnModeSwitch(mode, trainer.snapshot().stepsTaken(), System.nanoTime());
        }
    }

    private void noteSwitchAnswered(HessianReport report) {
        if (pendingSwitch == null || report.bnMode() != pendingSwitch.mode() || report.step() < pendingSwitch.step()) {
            return;
        }
        double seconds = (System.nanoTime() - pendingSwitch.nanos()) / 1e9;
        LOG.info(String.format(Locale.ROOT, "BN switch to %s at step %d: the λ chart shows a report in the new mode"
                        + " %.2f s later (weights of step %d, computed in %.2f s, %d products)", pendingSwitch.mode().label(),
                pendingSwitch.step(), seconds, report.step(), report.seconds(), report.iterations()));
        lastSwitchSeconds = seconds;
        pendingSwitch = null;
    }

    /** Seconds from the last BN switch by hand to the first report in its mode on the chart; NaN before one. */
    public double lastSwitchSeconds() {
        return lastSwitchSeconds;
    }

    /** A BN mode switch by hand: the mode, the step it came at and when (System.nanoTime()). */
    private record BnModeSwitch(BnMode mode, long step, long nanos) {
    }

    /**
     * The settings the trainer's schedule (stress test, scenario change) chose since the last call, or null
     * when they did not change by themselves: what the controls should now show.
     */
    public LiveSettings scheduledSettingsChange() {
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

    public void exportMetrics(Path folder) throws IOException {
        if (log == null) {
            throw new IOException(logError != null ? logError : "no metrics were recorded for this run");
        }
        var snapshot = trainer.snapshot();
        log.exportTo(folder, snapshot.maxStableLearningRate(), snapshot.config(), snapshot.events(), snapshot.settings());
    }

    /** "BN on": how the charts and the status bar name this lane. */
    public String label() {
        return "BN " + trainer.snapshot().settings().bnMode().label();
    }

    /** What {@link #problem()} is: the run's own message as its state says (MessageKind.ofRun), else an error. */
    public MessageKind problemKind() {
        var snapshot = trainer.snapshot();
        return snapshot.message() == null ? MessageKind.ERROR : MessageKind.ofRun(snapshot.state(), snapshot.stressTest());
    }

    /** Why the run stopped, why the Hessian or the log failed, or null. */
    public String problem() {
        var snapshot = trainer.snapshot();
        if (snapshot.message() != null) {
            return snapshot.message();
        }
        return trainer.hessianError() != null ? trainer.hessianError() : logError;
    }

    /** The Hessian line of this run: the shown report, its age, whether it is stale, what is being computed. */
    public String hessianSummary() {
        return hessianStatus == null ? "not computed yet" : hessianStatus.line();
    }

    /** λ1 and η·λ1 of this run's shown report, for the header. */
    public String curvatureFigures() {
        return hessianStatus == null ? "λ1: not computed yet" : hessianStatus.figures();
    }

    public HessianStatus hessianStatus() {
        return hessianStatus;
    }

    public BackgroundTrainer trainer() {
        return trainer;
    }

    public TrainingSnapshot snapshot() {
        return trainer.snapshot();
    }

    public RunHistory history() {
        return history;
    }

    @Override
    public void close() {
        trainer.close();
        closeLog();
    }
}
