// One background run as the window sees it: its trainer, the chart history pulled from it each frame, and its
// metrics log (written off the FX thread). The window has one lane, or two in comparison mode (same weights
// and data order, different BN mode). Used on the FX thread; the trainer and the log work on their own threads.
package org.shiftscope.ui.runs;

import org.shiftscope.model.run.RunNames;

import org.shiftscope.ui.charts.ChartRun;
import org.shiftscope.ui.charts.RunHistory;

import org.shiftscope.model.data.Dataset;
import org.shiftscope.model.hessian.DensityReport;
import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.shift.PerturbationReport;
import org.shiftscope.model.shift.PerturbationRequest;
import org.shiftscope.model.run.BackgroundTrainer;
import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.train.SettingsSchedule;
import org.shiftscope.model.config.TrainingConfig;
import org.shiftscope.model.train.TrainingSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Consumer;
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
    private RunHistory history;
    private final LaneLog log;
    private long shownGeneration = -1;
    private HessianStatus hessianStatus;
    private BnModeSwitch pendingSwitch;
    private double lastSwitchSeconds = Double.NaN;
    private LiveSettings lastSettings;
    private boolean perturbingShown;
    private boolean perturbationArrived;

    public RunLane(TrainingConfig config, Dataset dataset, SettingsSchedule schedule, TaskExecutor executor) {
        this(config, dataset, schedule, executor, LOG_LIMIT_BYTES);
    }

    public RunLane(TrainingConfig config, Dataset dataset, SettingsSchedule schedule, TaskExecutor executor,
                   long logLimitBytes) {
        this.dataset = dataset;
        this.log = new LaneLog(executor, logLimitBytes);
        this.trainer = new BackgroundTrainer(config, dataset, schedule);
        this.history = new RunHistory(config.network());
    }

    /** Pulls what the trainer published since the last frame; true when the charts have something new. */
    public boolean refresh() {
        TrainingSnapshot snapshot = trainer.snapshot();
        boolean changed = false;
        if (snapshot.generation() != shownGeneration) {
            shownGeneration = snapshot.generation();
            history = new RunHistory(snapshot.config().network());
            log.restart(snapshot.config(), dataset);
            pendingSwitch = null;
            changed = true;
        }
        var records = trainer.drainRecords();
        for (var record : records) {
            history.add(record);
            changed = true;
        }
        if (!records.isEmpty()) {
            log.steps(List.copyOf(records));
        }
        for (HessianReport report : trainer.drainHessianReports()) {
            if (report.generation() == shownGeneration) {
                history.add(report);
                log.report(report);
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
        changed |= refreshShift();
        if (snapshot.events() != history.events()) {
            history.setEvents(snapshot.events());
            changed = true;
        }
        var activity = trainer.hessianActivity();
        var status = new HessianStatus(history.latestHessian(), snapshot.stepsTaken(), snapshot.settings(),
                snapshot.config().network().normalization(),
                activity != null && activity.generation() == shownGeneration ? activity : null);
        changed |= !status.equals(hessianStatus);
        hessianStatus = status;
        return changed;
    }

    /** Takes in the shift experiments' results of the shown weights; true when the charts have something new. */
    private boolean refreshShift() {
        var shift = trainer.shift();
        boolean changed = false;
        for (PerturbationReport report : shift.drainPerturbations()) {
            if (report.generation() == shownGeneration) {
                history.add(report);
                perturbationArrived = true;
                changed = true;
            }
        }
        var split = shift.latestLayerShift();
        if (split != null && split.generation() == shownGeneration && split != history.latestLayerShift()) {
            history.add(split);
            changed = true;
        }
        boolean perturbing = shift.perturbing();
        changed |= perturbing != perturbingShown;
        perturbingShown = perturbing;
        history.setPerturbing(perturbing);
        return changed;
    }

    /** Whether a perturbation arrived since the last call. */
    public boolean takePerturbationArrived() {
        boolean arrived = perturbationArrived;
        perturbationArrived = false;
        return arrived;
    }

    /** Perturbs a copy of this run's weights as they are between its next two steps (Page's "cat neuron"). */
    public void perturb(PerturbationRequest request) {
        trainer.shift().perturb(request);
        history.setPerturbing(true);
    }

    /**
     * Whether this run's latest perturbation may still be kept: not kept yet, nothing under way, and the run still
     * in the BN mode it was measured in (the trainer refuses it otherwise).
     */
    public boolean perturbationKeepable() {
        var report = history.latestPerturbation();
        return report != null && !history.isPerturbationKept() && !trainer.shift().perturbing()
                && report.bnMode() == trainer.snapshot().settings().bnMode();
    }

    /** Applies the latest perturbation's move to this run's weights (an event at the current step). */
    public void keepPerturbation() {
        if (perturbationKeepable()) {
            trainer.shift().keep(history.latestPerturbation());
            history.perturbationKept();
        }
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

    /** Writes the CLI's files for this run into {@code folder} on the executor, after every row logged so far. */
    public void exportMetrics(Path folder, Runnable done, Consumer<Throwable> failed) {
        var snapshot = trainer.snapshot();
        log.export(folder, snapshot.maxStableLearningRate(), snapshot.config(), snapshot.events(), snapshot.settings(),
                done, failed);
    }

    /** "BN on" (its network too when not the MLP with BatchNorm): how the charts and the status bar name this lane. */
    public String label() {
        var snapshot = trainer.snapshot();
        return RunNames.label(snapshot.config().withOptimizer(snapshot.settings()));
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
        String error = trainer.hessianError() != null ? trainer.hessianError() : trainer.shift().lastError();
        return error != null ? error : log.error();
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

    /** This run as the charts take it: its label, history and the Hessian badge. */
    public ChartRun chartRun() {
        return hessianStatus == null ? new ChartRun(label(), history)
                : new ChartRun(label(), history, hessianStatus.badge(), hessianStatus.stale());
    }

    public RunHistory history() {
        return history;
    }

    @Override
    public void close() {
        trainer.close();
        log.close();
    }
}
