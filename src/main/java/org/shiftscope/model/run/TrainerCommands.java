// The commands waiting for BackgroundTrainer's thread (start, pause, step, new settings, rebuild, a Hessian by
// hand), set by any thread and taken by the training thread between two steps.
package org.shiftscope.model.run;

import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.config.TrainingConfig;
import org.shiftscope.model.train.SettingsSchedule;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

final class TrainerCommands {
    /** What the training thread applies before its next step; null fields ask for nothing. */
    record Taken(TrainingConfig rebuild, SettingsSchedule schedule, LiveSettings settings, boolean hessianRequested) {
    }

    /** Whether to take a step now, and whether it is a single step asked for by Step. */
    record Turn(boolean takeStep, boolean singleStep) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    // Guarded by lock.
    private boolean running;
    private int pendingSingleSteps;
    private LiveSettings pendingSettings;
    private TrainingConfig pendingRebuild;
    private SettingsSchedule pendingSchedule;
    private boolean closed;
    private boolean hessianRequested;

    void start() {
        command(() -> running = true);
    }

    void pause() {
        command(() -> running = false);
    }

    /** One step, then paused. */
    void step() {
        command(() -> {
            running = false;
            pendingSingleSteps++;
        });
    }

    /** A single step that waited for the Hessian is still to take. */
    void retryStep() {
        command(() -> pendingSingleSteps++);
    }

    /** New settings by hand: they end a running schedule (the user has taken over). */
    void settings(LiveSettings settings) {
        command(() -> {
            pendingSettings = settings;
            pendingSchedule = SettingsSchedule.none();
        });
    }

    void rebuild(TrainingConfig config, SettingsSchedule schedule) {
        command(() -> {
            pendingRebuild = config;
            pendingSchedule = schedule;
            pendingSettings = null;
            pendingSingleSteps = 0;
            running = false;
        });
    }

    void requestHessian() {
        command(() -> hessianRequested = true);
    }

    /** Wakes the training thread (the Hessian thread has nothing left: due work may be handed over). */
    void wake() {
        command(() -> { });
    }

    void close() {
        command(() -> closed = true);
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

    /**
     * Waits until there is something to do and takes the waiting commands.
     * @param hessianWork whether Hessian work could be handed over now
     * @param idle        called before each wait while nothing is to do
     * @return the commands, or null once closed
     */
    Taken await(BooleanSupplier hessianWork, Runnable idle) {
        lock.lock();
        try {
            while (!closed && !running && pendingSingleSteps == 0 && pendingSettings == null && pendingRebuild == null
                    && pendingSchedule == null && !hessianRequested && !hessianWork.getAsBoolean()) {
                idle.run();
                changed.awaitUninterruptibly();
            }
            if (closed) {
                return null;
            }
            var taken = new Taken(pendingRebuild, pendingSchedule, pendingSettings, hessianRequested);
            pendingRebuild = null;
            pendingSchedule = null;
            pendingSettings = null;
            hessianRequested = false;
            return taken;
        } finally {
            lock.unlock();
        }
    }

    /** Whether to step now ({@code canStep}: the run is neither diverged nor failed); a run that cannot stops. */
    Turn turn(boolean canStep) {
        lock.lock();
        try {
            boolean takeStep = (running || pendingSingleSteps > 0) && canStep;
            boolean singleStep = !running && pendingSingleSteps > 0;
            if (pendingSingleSteps > 0) {
                pendingSingleSteps--;
            }
            if (!takeStep) {
                running = false;
            }
            return new Turn(takeStep, singleStep);
        } finally {
            lock.unlock();
        }
    }

    boolean running() {
        lock.lock();
        try {
            return running;
        } finally {
            lock.unlock();
        }
    }

    /** Sleeps up to {@code millis}, woken early by any command (pause, reset). */
    void pauseBriefly(long millis) {
        lock.lock();
        try {
            changed.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }
}
