// The window's measurements: Hessian jobs handed to the Hessian thread (BackgroundHessian), taking turns with
// training. Training and the Hessian share the machine by turns, not side by side: on the 2-core machines
// measured, a busy second thread slowed training 2–4× whatever it did (the cores share their execution units).
package org.shiftscope.model.run;

import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.hessian.DensityAnalysis;
import org.shiftscope.model.train.BackgroundHessian;
import org.shiftscope.model.train.TrainingSession;

import java.util.function.BooleanSupplier;

final class HessianTurns implements Measurements {
    /**
     * Share of the wall-clock time training may stand still for periodic Hessian jobs. By turns, each report runs
     * on every core at full speed, is of the weights of its own step, and training keeps 70% of its speed. A run
     * that follows a schedule (a scenario, the stress test) takes no share: every report is taken at the step
     * where render takes it, so the window shows the figures the scenario's text describes.
     */
    static final double HESSIAN_TIME_SHARE = 0.25;

    private final BackgroundHessian hessian;
    private final BooleanSupplier routineMayWait;
    private long generation;
    private boolean topKDue;
    private boolean densityDue;
    private JobKey lastTopK;             // the weights and settings of the last top-k job handed over
    private boolean lastJobWasTopK;      // a due density takes its turn after a top-k, however often those are due
    private BackgroundHessian.Job current; // the job training waits for, or the last one
    private long waitingNanos;           // wall-clock time training stood still for the last job handed over
    private long waitStart = -1;         // when training began to wait for it, or −1
    private long waitEnd;                // when it stopped waiting: training has had the time since

    /** @param routineMayWait whether a routine job waits for its turn now (running freely, no schedule) */
    HessianTurns(BackgroundHessian hessian, BooleanSupplier routineMayWait) {
        this.hessian = hessian;
        this.routineMayWait = routineMayWait;
    }

    /** New weights (a rebuild): whatever runs or is due is of the old ones. */
    void restart(long newGeneration) {
        hessian.cancel();
        hessian.clear();
        generation = newGeneration;
        topKDue = false;
        densityDue = false;
        lastTopK = null;
        current = null;
        waitingNanos = 0;
    }

    /** The start of a run and a scheduled change come now; the rest waits for the Hessian's turn. */
    @Override
    public void topK(TrainingSession session, Due due, RunListener out) {
        switch (due) {
            case SCHEDULED_CHANGE -> submitTopK(session, true);
            case START -> {
                topKDue = true;
                startDue(session);
            }
            default -> topKDue = true;
        }
    }

    /**
     * The curvature on both sides of a BN mode switch, on the weights of the switch, now (as an urgent top-k): the
     * old mode's report is left out when the last job handed over computed exactly it and has finished.
     */
    @Override
    public void aroundSwitch(TrainingSession session, LiveSettings before, RunListener out) {
        var beforeKey = new JobKey(generation, session.stepsTaken(), before);
        if (beforeKey.equals(lastTopK) && !hessian.pending(current)) {
            submitTopK(session, true);
            return;
        }
        var job = session.changeJob(generation, before);
        if (hessian.submit(job, true)) {
            lastTopK = new JobKey(generation, session.stepsTaken(), session.liveSettings());
            lastJobWasTopK = true;
            handedOver(job);
        }
    }

    @Override
    public void density(TrainingSession session, RunListener out) {
        densityDue = true;
    }

    @Override
    public void switchUnmeasured() {
        hessian.cancel();
    }

    /** Whether a job is due (it is handed over when the Hessian thread is free and it is the Hessian's turn). */
    boolean due() {
        return topKDue || densityDue;
    }

    /**
     * Hands a copy of the current weights to the Hessian thread for the due work, a top-k report before a
     * density, or keeps it due while the thread is busy or training has had less than its share. Nothing is due
     * on weights that are not {@code analysable} (a diverged or failed run).
     */
    void startDue(TrainingSession session, boolean analysable) {
        if (!analysable) {
            topKDue = false;
            densityDue = false;
            return;
        }
        startDue(session);
    }

    private void startDue(TrainingSession session) {
        if (routineMayWait.getAsBoolean() && !turnForTheHessian()) {
            return;
        }
        boolean densityTurn = densityDue && (!topKDue || lastJobWasTopK);
        if (densityTurn) {
            var job = session.densityJob(generation, DensityAnalysis.Request.defaults());
            if (!hessian.busy() && hessian.submit(job, false)) {
                densityDue = false;
                lastJobWasTopK = false;
                handedOver(job);
            }
        } else if (topKDue) {
            topKDue = !submitTopK(session, false);
        }
    }

    /**
     * Whether training must wait before its next step: while the Hessian thread computes a job it handed over, and
     * in a scheduled run (a scenario, a stress test) also while a report is due, since every report is part of
     * the result. The time it waits counts against the Hessian's share.
     */
    boolean trainingWaits(boolean scheduled, TrainingSession session, boolean analysable) {
        if (!(scheduled && topKDue) && !hessian.pending(current)) {
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
        startDue(session, analysable);
        return true;
    }

    /**
     * A top-k job on the current weights and settings. A routine one waits its turn and is skipped when the last
     * one handed over had exactly those weights and settings. An {@code urgent} one (new weights, a new BN mode,
     * a request by hand) comes now, whatever the time share: any running job is cancelled (it is stale) and
     * training waits for this one, so the λ chart shows the switch itself (its step, not hundreds later).
     * @return whether the thread took it (or already has it)
     */
    boolean submitTopK(TrainingSession session, boolean urgent) {
        var key = new JobKey(generation, session.stepsTaken(), session.liveSettings());
        if (!urgent && key.equals(lastTopK)) {
            return true;
        }
        var job = session.hessianJob(generation);
        boolean taken = hessian.submit(job, urgent);
        if (taken) {
            lastTopK = key;
            lastJobWasTopK = true;
            topKDue = topKDue && !urgent;
            handedOver(job);
        }
        return taken;
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

    /** The weights (by generation and step) and settings a top-k job was computed for. */
    private record JobKey(long generation, long step, LiveSettings settings) {
    }
}
