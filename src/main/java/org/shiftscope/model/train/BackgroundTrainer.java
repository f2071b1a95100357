// Runs a TrainingSession on its own thread (STYLE.md example 3): commands (start, pause, step, new
// settings, rebuild) are queued and applied between steps; every step's record is published for readers
// on other threads, with the latest snapshot in an AtomicReference and a bounded queue of new records.
package org.shiftscope.model.train;

import org.shiftscope.model.config.LiveSettings;

import org.shiftscope.model.config.TrainingConfig;

import org.shiftscope.model.data.Dataset;
import org.shiftscope.model.hessian.DensityAnalysis;
import org.shiftscope.model.hessian.DensityReport;
import org.shiftscope.model.hessian.HessianReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

public final class BackgroundTrainer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTrainer.class);
    /** Records kept for a reader that falls behind; older ones are dropped first. */
    public static final int RECORD_QUEUE_CAPACITY = 10_000;
    /** Weight of the newest step in the exponentially smoothed steps-per-second figure. */
    private static final double SPEED_SMOOTHING = 0.05;
    private static final long JOIN_TIMEOUT_MS = 10_000;
    /** How long the training thread sleeps between looks at a running stress-stretch Hessian. */
    private static final long STRESS_WAIT_MS = 20;
    /**
     * Steps between spectral densities in a run with a periodic Hessian (and one after each BN mode change),
     * computed when no top-k report is due: the density costs about as much as two reports.
     */
    public static final int DENSITY_EVERY = 1000;
    /**
     * Share of the wall-clock time training may stand still for periodic Hessian jobs. Training and the Hessian
     * share the machine by turns, not side by side: on the 2-core machines measured, a busy second thread slowed
     * training 2–4× whatever it did (the cores share their execution units), so a report computed beside
     * training cost most of its speed and still came late; by turns, each report runs on every core at full
     * speed, is of the weights of its own step, and training keeps 70% of its speed. A run that follows a schedule
     * (a scenario, the stress test) takes no share: every report is taken at the step where render takes it,
     * so the window shows the figures the scenario's text describes.
     */
    public static final double HESSIAN_TIME_SHARE = 0.25;

    private final Dataset dataset;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final AtomicReference<TrainingSnapshot> snapshot = new AtomicReference<>();
    private final BlockingQueue<StepRecord> records = new ArrayBlockingQueue<>(RECORD_QUEUE_CAPACITY);
    private final Thread thread;
    /** The configuration of the newest session, requested or built: what new settings are checked against. */
    private volatile TrainingConfig latestConfig;
    private final BackgroundHessian hessian = new BackgroundHessian(this::wake);

    // Guarded by lock: commands waiting for the training thread.
    private boolean running;
    private int pendingSingleSteps;
    private LiveSettings pendingSettings;
    private TrainingConfig pendingRebuild;
    private SettingsSchedule pendingSchedule;
    private boolean closed;
    private boolean hessianRequested;

    // Owned by the training thread.
    private TrainingSession session;
    private TrainerState state = TrainerState.READY;
    private String message;
    private double stepsPerSecond;
    private long generation;
    private boolean hessianDue;
    private boolean densityDue;
    private JobKey lastTopK;             // the weights and settings of the last top-k job handed over
    private boolean lastJobWasTopK;      // a due density takes its turn after a top-k, however often those are due
    private BackgroundHessian.Job current; // the job training waits for, or the last one
    private long waitingNanos;           // wall-clock time training stood still for the last job handed over
    private long waitStart = -1;         // when training began to wait for it, or −1
    private long waitEnd;                // when it stopped waiting: training has had the time since
    private SettingsSchedule schedule;

    public BackgroundTrainer(TrainingConfig config, Dataset dataset) {
        this(config, dataset, SettingsSchedule.none());
    }

    /** A run that follows {@code schedule} (a scenario's changes, the stress test) from its first step. */
    public BackgroundTrainer(TrainingConfig config, Dataset dataset, SettingsSchedule schedule) {
        this.dataset = dataset;
        this.session = new TrainingSession(config, dataset);
        this.schedule = schedule;
        this.latestConfig = config;
        publish(null);
        this.thread = new Thread(this::loop, "shiftscope-trainer");
        thread.setDaemon(true);
        thread.start();
    }

    public TrainingSnapshot snapshot() {
        return snapshot.get();
    }

    /** Moves every record published since the last call into a list (oldest first). */
    public List<StepRecord> drainRecords() {
        var drained = new ArrayList<StepRecord>(records.size());
        records.drainTo(drained);
        return drained;
    }

    public void start() {
        command(() -> running = true);
    }

    public void pause() {
        command(() -> running = false);
    }

    /** One step, then paused. */
    public void step() {
        command(() -> {
            running = false;
            pendingSingleSteps++;
        });
    }

    /**
     * Learning rate, momentum, weight decay and BN mode take effect at the next step. A change by hand ends a
     * running schedule (a scenario's changes or the stress test): the user has taken over.
     */
    public void setLiveSettings(LiveSettings settings) {
        TrainingConfig.requireBatchFitsBn(latestConfig.batchSize(), settings.bnMode());
        command(() -> {
            pendingSettings = settings;
            pendingSchedule = SettingsSchedule.none();
        });
    }

    /** A new network from the config's seed (Reset, or a changed depth/width/dataset setting); paused afterwards. */
    public void rebuild(TrainingConfig config) {
        rebuild(config, SettingsSchedule.none());
    }

    /** A new network from the config's seed that follows {@code schedule} from its first step; paused afterwards. */
    public void rebuild(TrainingConfig config, SettingsSchedule schedule) {
        latestConfig = config;
        command(() -> {
            pendingRebuild = config;
            pendingSchedule = schedule;
            pendingSettings = null;
            pendingSingleSteps = 0;
            running = false;
        });
    }

    /** A Hessian analysis of the current weights as soon as the training thread is between steps. */
    public void requestHessian() {
        command(() -> hessianRequested = true);
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

    /** Called by the Hessian thread when it has nothing left: the training thread may hand over due work. */
    private void wake() {
        command(() -> { });
    }

    private void command(Runnable change) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (true) {
            boolean takeStep;
            boolean singleStep;
            lock.lock();
            try {
                while (!closed && !running && pendingSingleSteps == 0 && pendingSettings == null && pendingRebuild == null
                        && pendingSchedule == null && !hessianRequested && !((hessianDue || densityDue) && !hessian.busy())) {
                    if (state == TrainerState.RUNNING) {
                        publish(null);         // a pause that arrived during the last step: say so before waiting
                    }
                    changed.awaitUninterruptibly();
                }
                if (closed) {
                    break;
                }
                applyPendingCommands();
                if (hessianRequested) {
                    hessianRequested = false;
                    if (state != TrainerState.FAILED && !session.diverged()) {
                        submitTopK(true);       // asked for by hand: now, even on weights already analysed
                    }
                }
                if (hessianDue || densityDue) {
                    startHessian();
                }
                takeStep = (running || pendingSingleSteps > 0) && state != TrainerState.DIVERGED && state != TrainerState.FAILED;
                singleStep = !running && pendingSingleSteps > 0;
                if (pendingSingleSteps > 0) {
                    pendingSingleSteps--;
                }
                if (!takeStep) {
                    running = false;
                }
            } finally {
                lock.unlock();
            }
            if (takeStep) {
                if (!trainOneStep() && singleStep) {
                    command(() -> pendingSingleSteps++);   // waited for the Hessian: the step is still to take
                }
            } else {
                publish(null);
            }
        }
        state = TrainerState.CLOSED;
        publish(null);
    }

    /** Called with the lock held. */
    private void applyPendingCommands() {
        if (pendingRebuild != null) {
            var config = pendingRebuild;
            pendingRebuild = null;
            try {
                session = new TrainingSession(config, dataset);
                state = TrainerState.READY;
                message = null;
            } catch (RuntimeException e) {
                fail("could not build the network: " + e.getMessage(), e);
            }
            records.clear();
            hessian.cancel();
            hessian.clear();
            hessianDue = false;
            densityDue = false;
            lastTopK = null;
            current = null;
            waitingNanos = 0;
            generation++;
            if (state != TrainerState.FAILED && session.config().hessian().every() > 0) {
                submitTopK(true);               // new weights: their curvature at once, not at the first step
            }
        }
        if (pendingSchedule != null) {
            schedule = pendingSchedule;
            pendingSchedule = null;
        }
        if (pendingSettings != null) {
            changeSettings(pendingSettings, RunEvent.Cause.USER);
            publishAs(null);                       // readers see the new settings (a BN switch) before the next step
            pendingSettings = null;
        }
    }

    /**
     * A new BN mode makes the running analysis worthless (its loss is the old mode's): it is cancelled and, in a
     * run with a periodic Hessian, the curvature is taken at once on the weights of the switch in both modes (the
     * old one unless its report of these weights is already in hand), then a density follows. A scenario's new
     * learning rate or momentum is measured at once too, so the λ chart has a point at the change; one set by hand
     * is measured at the Hessian's next turn (the curvature is the same, only its threshold moves); a stress
     * test's learning rates are measured where the test says, at each stretch's end.
     */
    private void changeSettings(LiveSettings next, RunEvent.Cause cause) {
        var previous = session.liveSettings();
        session.setLiveSettings(next, cause);
        if (state == TrainerState.FAILED) {
            return;
        }
        boolean periodic = session.config().hessian().every() > 0;
        if (next.bnMode() != previous.bnMode()) {
            if (periodic) {
                submitChange(previous);
                densityDue = true;
            } else {
                hessian.cancel();             // a report asked for by hand, now of the old mode
            }
        } else if (periodic && !next.equals(previous)) {
            if (cause == RunEvent.Cause.SCENARIO) {
                submitTopK(true);
            } else if (cause == RunEvent.Cause.USER) {
                hessianDue = true;
            }
        }
    }

    /** Applies the schedule's settings for the next step; false when the schedule says the run is over. */
    private boolean followSchedule() {
        if (schedule.finishedAt(session.stepsTaken())) {
            message = String.format(Locale.ROOT, "stress test finished at η = %.4g: largest healthy η = %s",
                    session.liveSettings().learningRate(), Double.isNaN(schedule.maxStableLearningRate()) ? "none"
                            : String.format(Locale.ROOT, "%.4g", schedule.maxStableLearningRate()));
            pause();
            return false;
        }
        long taken = session.stepsTaken();
        changeSettings(schedule.settingsFor(taken, session.liveSettings()),
                schedule.changesAt(taken) ? RunEvent.Cause.SCENARIO : RunEvent.Cause.STRESS_TEST);
        if (taken == 0 && session.config().hessian().every() > 0) {
            hessianDue = true;                 // the start of the curve
            startHessian();
        }
        return true;
    }

    /** @return false when it waited for the Hessian instead of stepping */
    private boolean trainOneStep() {
        if (waitingForHessian()) {
            return false;
        }
        long start = System.nanoTime();
        try {
            if (!followSchedule()) {
                publish(null);
                return true;
            }
            StepRecord record = session.step();
            schedule.record(record);
            double seconds = (System.nanoTime() - start) / 1e9;
            stepsPerSecond = stepsPerSecond == 0 ? 1 / seconds
                    : (1 - SPEED_SMOOTHING) * stepsPerSecond + SPEED_SMOOTHING / seconds;
            if (record.diverged()) {
                state = TrainerState.DIVERGED;
                message = "diverged at step " + record.step() + ": " + record.divergence().reason();
            } else {
                state = isRunning() ? TrainerState.RUNNING : TrainerState.PAUSED;
            }
            int every = session.config().hessian().every();
            if ((every > 0 && record.step() % every == 0 || schedule.stretchEndsAt(record.step())) && !record.diverged()) {
                hessianDue = true;             // started as soon as the Hessian thread is free
            }
            if (every > 0 && record.step() % DENSITY_EVERY == 0 && !record.diverged()) {
                densityDue = true;
            }
            if ((hessianDue || densityDue) && !record.diverged()) {
                startHessian();
            }
            if (!records.offer(record)) {
                records.poll();
                records.offer(record);
            }
            publish(record);
        } catch (RuntimeException e) {
            fail("training failed: " + e.getMessage(), e);
            publish(null);
        }
        return true;
    }

    /**
     * Training waits while the Hessian thread computes a job it handed over (the two take turns: see
     * HESSIAN_TIME_SHARE). In a scheduled run (a scenario, a stress test) every report is part of the result, so
     * it also waits while a report is due until it is started.
     */
    private boolean waitingForHessian() {
        boolean stretch = !schedule.isEmpty() && hessianDue;
        if (!stretch && !hessian.pending(current)) {
            if (waitStart >= 0) {
                waitEnd = System.nanoTime();
                waitingNanos += waitEnd - waitStart;
                waitStart = -1;
            }
            return false;
        }
        if (waitStart < 0) {
            waitStart = System.nanoTime();
        }
        if (hessianDue) {
            startHessian();
        }
        lock.lock();
        try {
            changed.await(STRESS_WAIT_MS, TimeUnit.MILLISECONDS);   // woken early by any command (pause, reset)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
        return true;
    }

    /**
     * Hands a copy of the current weights to the Hessian thread for the due work, a top-k report before a
     * density, or keeps it due while the thread is busy.
     */
    private void startHessian() {
        if (state == TrainerState.FAILED || session.diverged()) {
            hessianDue = false;
            densityDue = false;
            return;
        }
        if (isRunning() && schedule.isEmpty() && !turnForTheHessian()) {
            return;                        // still due: training has had less than its share since the last job
        }
        boolean densityTurn = densityDue && (!hessianDue || lastJobWasTopK);
        if (densityTurn) {
            var job = session.densityJob(generation, DensityAnalysis.Request.defaults());
            if (!hessian.busy() && hessian.submit(job, false)) {
                densityDue = false;
                lastJobWasTopK = false;
                handedOver(job);
            }
        } else if (hessianDue) {
            hessianDue = !submitTopK(false);
        }
    }

    /** Whether training has had its (1 − HESSIAN_TIME_SHARE) of the wall-clock time since it last waited. */
    private boolean turnForTheHessian() {
        return (System.nanoTime() - waitEnd) * HESSIAN_TIME_SHARE >= waitingNanos * (1 - HESSIAN_TIME_SHARE);
    }

    /** Training waits for {@code job} from its next step; the time it waits counts against the Hessian's share. */
    private void handedOver(BackgroundHessian.Job job) {
        current = job;
        waitingNanos = 0;
    }

    /**
     * A top-k job on the current weights and settings. A routine one waits its turn and is skipped when the last
     * one handed over had exactly those weights and settings. An {@code urgent} one (new weights, a new BN mode,
     * a request by hand) comes now, whatever the time share: any running job is cancelled (it is stale) and
     * training waits for this one, so the λ chart shows the switch itself (its step, not hundreds later).
     * @return whether the thread took it (or already has it)
     */
    private boolean submitTopK(boolean urgent) {
        var key = new JobKey(generation, session.stepsTaken(), session.liveSettings());
        if (!urgent && key.equals(lastTopK)) {
            return true;
        }
        var job = session.hessianJob(generation);
        boolean taken = hessian.submit(job, urgent);
        if (taken) {
            lastTopK = key;
            lastJobWasTopK = true;
            hessianDue = hessianDue && !urgent;
            handedOver(job);
        }
        return taken;
    }

    /**
     * The curvature on both sides of a BN mode switch, on the weights of the switch, now (as an urgent top-k): the
     * old mode's report is left out when the last job handed over computed exactly it and has finished.
     */
    private void submitChange(LiveSettings before) {
        var beforeKey = new JobKey(generation, session.stepsTaken(), before);
        if (beforeKey.equals(lastTopK) && !hessian.pending(current)) {
            submitTopK(true);
            return;
        }
        var job = session.changeJob(generation, before);
        if (hessian.submit(job, true)) {
            lastTopK = new JobKey(generation, session.stepsTaken(), session.liveSettings());
            lastJobWasTopK = true;
            handedOver(job);
        }
    }

    /** The weights (by generation and step) and settings a top-k job was computed for. */
    private record JobKey(long generation, long step, LiveSettings settings) {
    }

    private boolean isRunning() {
        lock.lock();
        try {
            return running;
        } finally {
            lock.unlock();
        }
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
        var previous = snapshot.get();
        StepRecord latest = record != null ? record
                : previous != null && previous.generation() == generation ? previous.latest() : null;
        boolean moving = state == TrainerState.RUNNING;
        snapshot.set(new TrainingSnapshot(state, session.stepsTaken(), latest, session.liveSettings(),
                session.startedAs(), moving ? stepsPerSecond : 0, message, generation, !schedule.isEmpty(), schedule.hasStress(),
                schedule.maxStableLearningRate(), session.events()));
    }

    /** Stops the training thread after the current step and waits for it. */
    @Override
    public void close() {
        hessian.cancel();
        command(() -> closed = true);
        try {
            thread.join(JOIN_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        hessian.close();
    }

    public boolean isAlive() {
        return thread.isAlive() || !hessian.isTerminated();
    }
}
