// Runs a RunDriver on its own thread: commands (start, pause, step, new settings, rebuild) are queued and
// applied between steps; every step's record is published for readers on other threads, with the latest
// snapshot in an AtomicReference and a bounded queue of new records. Hessian jobs take turns with training.
package org.shiftscope.model.run;

import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.config.TrainingConfig;
import org.shiftscope.model.data.Dataset;
import org.shiftscope.model.hessian.DensityReport;
import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.train.BackgroundHessian;
import org.shiftscope.model.train.RunEvent;
import org.shiftscope.model.train.SettingsSchedule;
import org.shiftscope.model.train.StepRecord;
import org.shiftscope.model.train.TrainerState;
import org.shiftscope.model.train.TrainingSession;
import org.shiftscope.model.train.TrainingSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.List;

public final class BackgroundTrainer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTrainer.class);
    /** Records kept for a reader that falls behind; older ones are dropped first. */
    public static final int RECORD_QUEUE_CAPACITY = 10_000;
    /** Weight of the newest step in the exponentially smoothed steps-per-second figure. */
    private static final double SPEED_SMOOTHING = 0.05;
    private static final long JOIN_TIMEOUT_MS = 10_000;
    /** How long the training thread sleeps between looks at a running Hessian job it waits for. */
    private static final long HESSIAN_WAIT_MS = 20;

    private final Dataset dataset;
    private final TrainerCommands commands = new TrainerCommands();
    private final Published published = new Published(RECORD_QUEUE_CAPACITY);
    private final Thread thread;
    /** The configuration of the newest session, requested or built: what new settings are checked against. */
    private volatile TrainingConfig latestConfig;
    private final BackgroundHessian hessian = new BackgroundHessian(commands::wake);
    private final HessianTurns turns = new HessianTurns(hessian, this::routineMayWait);
    private final ShiftExperiments shift = new ShiftExperiments(hessian, commands::wake);

    // Owned by the training thread.
    private RunDriver driver;
    private StepRecord lastStep;         // the record of the step the driver took last, or null
    private TrainerState state = TrainerState.READY;
    private String message;
    private double stepsPerSecond;
    private long generation;

    public BackgroundTrainer(TrainingConfig config, Dataset dataset) {
        this(config, dataset, SettingsSchedule.none());
    }

    /** A run that follows {@code schedule} (a scenario's changes, the stress test) from its first step. */
    public BackgroundTrainer(TrainingConfig config, Dataset dataset, SettingsSchedule schedule) {
        this.dataset = dataset;
        this.driver = drive(new TrainingSession(config, dataset), schedule);
        this.latestConfig = config;
        publish(null);
        this.thread = new Thread(this::loop, "shiftscope-trainer");
        thread.setDaemon(true);
        thread.start();
    }

    public TrainingSnapshot snapshot() {
        return published.snapshot();
    }

    /** Moves every record published since the last call into a list (oldest first). */
    public List<StepRecord> drainRecords() {
        return published.drain();
    }

    public void start() {
        commands.start();
    }

    public void pause() {
        commands.pause();
    }

    /** One step, then paused. */
    public void step() {
        commands.step();
    }

    /**
     * Learning rate, momentum, weight decay and BN mode take effect at the next step. A change by hand ends a
     * running schedule (a scenario's changes or the stress test): the user has taken over.
     */
    public void setLiveSettings(LiveSettings settings) {
        TrainingConfig.requireBatchFitsBn(latestConfig.batchSize(), settings.bnMode());
        TrainingConfig.requireModeFits(latestConfig.network(), settings.bnMode());
        commands.settings(settings);
    }

    /** A new network from the config's seed (Reset, or a changed depth/width/dataset setting); paused afterwards. */
    public void rebuild(TrainingConfig config) {
        rebuild(config, SettingsSchedule.none());
    }

    /** A new network from the config's seed that follows {@code schedule} from its first step; paused afterwards. */
    public void rebuild(TrainingConfig config, SettingsSchedule schedule) {
        latestConfig = config;
        commands.rebuild(config, schedule);
    }

    /** A Hessian analysis of the current weights as soon as the training thread is between steps. */
    public void requestHessian() {
        commands.requestHessian();
    }

    /** Finished Hessian reports since the last call (each names its step and generation). */
    public List<HessianReport> drainHessianReports() {
        return hessian.drainReports();
    }

    /** Why the last Hessian computation failed, or null. */
    public String hessianError() {
        return hessian.lastError();
    }

    /** The newest finished Hessian report of any generation, or null. */
    public HessianReport latestHessian() {
        return hessian.latest();
    }

    /** Spectral densities finished since the last call. */
    public List<DensityReport> drainDensities() {
        return hessian.drainDensities();
    }

    /** What the Hessian thread is computing now, or null. */
    public BackgroundHessian.Activity hessianActivity() {
        return hessian.activity();
    }

    /** Perturbations of this run's weights, Keep, and where its shift lives (Page's experiments). */
    public ShiftExperiments shift() {
        return shift;
    }

    private void loop() {
        TrainerCommands.Taken taken;
        while ((taken = commands.await(() -> turns.due() && !hessian.busy() || shift.hasWork(driver.session(), analysable()),
                this::publishPause)) != null) {
            apply(taken);
            startDueHessian();
            var turn = commands.turn(state != TrainerState.DIVERGED && state != TrainerState.FAILED);
            if (!turn.takeStep()) {
                publish(null);
            } else if (!trainOneStep() && turn.singleStep()) {
                commands.retryStep();                   // waited for the Hessian: the step is still to take
            }
        }
        state = TrainerState.CLOSED;
        publish(null);
    }

    /** A pause that arrived during the last step: said before the thread waits. */
    private void publishPause() {
        if (state == TrainerState.RUNNING) {
            publish(null);
        }
    }

    private void apply(TrainerCommands.Taken taken) {
        if (taken.rebuild() != null) {
            try {
                var schedule = taken.schedule() != null ? taken.schedule() : driver.schedule();
                driver = drive(new TrainingSession(taken.rebuild(), dataset), schedule);
                state = TrainerState.READY;
                message = null;
            } catch (RuntimeException e) {
                fail("could not build the network: " + e.getMessage(), e);
            }
            published.clear();
            generation++;
            turns.restart(generation);
            if (state != TrainerState.FAILED && driver.policy().periodic()) {
                turns.submitTopK(driver.session(), true);   // new weights: their curvature at once, not at the first step
            }
        }
        if (taken.schedule() != null && taken.rebuild() == null) {
            driver.setSchedule(taken.schedule());
        }
        if (taken.settings() != null) {
            if (state == TrainerState.FAILED) {
                driver.session().setLiveSettings(taken.settings(), RunEvent.Cause.USER);
            } else {
                driver.changeSettings(taken.settings(), RunEvent.Cause.USER);
            }
        }
        boolean kept = shift.takeTurn(driver.session(), generation, analysable());   // Keep moves the live weights
        if (taken.settings() != null || kept) {
            publishAs(null);                       // readers see new settings (a BN switch) or a Keep before the next step
        }
        if ((taken.hessianRequested() || kept) && analysable()) {
            turns.submitTopK(driver.session(), true);   // asked for by hand, or kept weights: now, whatever was analysed
        }
    }

    /** A driver of {@code session} whose Hessian jobs take turns with training; it tells this trainer each step. */
    private RunDriver drive(TrainingSession session, SettingsSchedule schedule) {
        var next = new RunDriver(session, schedule, HessianPolicy.window(session.config()), turns, Long.MAX_VALUE);
        return next.addListener(new RunListener() {
            @Override
            public void stepTaken(StepRecord record) {
                lastStep = record;
            }
        }).addListener(shift.atChanges(session, () -> generation));
    }

    /** @return false when it waited for the Hessian instead of stepping (see HessianTurns) */
    private boolean trainOneStep() {
        if (turns.trainingWaits(!driver.schedule().isEmpty(), driver.session(), analysable())) {
            commands.pauseBriefly(HESSIAN_WAIT_MS);     // woken early by any command (pause, reset)
            return false;
        }
        long start = System.nanoTime();
        try {
            lastStep = null;
            if (!driver.step() && driver.finished() == FinishReason.STRESS_FINISHED) {
                message = RunTexts.stressFinished(driver.session().liveSettings().learningRate(),
                        driver.schedule().maxStableLearningRate());
                commands.pause();
            }
            if (lastStep == null) {
                publish(null);
                return true;
            }
            StepRecord record = lastStep;
            double seconds = (System.nanoTime() - start) / 1e9;
            stepsPerSecond = stepsPerSecond == 0 ? 1 / seconds
                    : (1 - SPEED_SMOOTHING) * stepsPerSecond + SPEED_SMOOTHING / seconds;
            if (record.diverged()) {
                state = TrainerState.DIVERGED;
                message = "diverged at step " + record.step() + ": " + record.divergence().reason();
            } else {
                state = commands.running() ? TrainerState.RUNNING : TrainerState.PAUSED;
                startDueHessian();
            }
            published.add(record);
            publish(record);
        } catch (RuntimeException e) {
            fail("training failed: " + e.getMessage(), e);
            publish(null);
        }
        return true;
    }

    private void startDueHessian() {
        turns.startDue(driver.session(), analysable());
    }

    private boolean analysable() {
        return state != TrainerState.FAILED && !driver.session().diverged();
    }

    /** A routine Hessian job waits for its turn while training runs freely (no schedule to follow). */
    private boolean routineMayWait() {
        return commands.running() && driver.schedule().isEmpty();
    }

    private void fail(String reason, RuntimeException e) {
        LOG.error(reason, e);
        state = TrainerState.FAILED;
        message = reason;
    }

    private void publish(StepRecord record) {
        if (record == null && state == TrainerState.RUNNING) {
            state = TrainerState.PAUSED;
        }
        publishAs(record);
    }

    /** Publishes the newest state (settings applied meanwhile included) with the last step's record. */
    private void publishAs(StepRecord record) {
        published.snapshot(state, record, driver, state == TrainerState.RUNNING ? stepsPerSecond : 0, message, generation);
    }

    /** Stops the training thread after the current step and waits for it. */
    @Override
    public void close() {
        hessian.cancel();
        commands.close();
        try {
            thread.join(JOIN_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        hessian.close();
        shift.close();
    }

    public boolean isAlive() {
        return thread.isAlive() || !hessian.isTerminated() || !shift.isTerminated();
    }
}
