// Drives one training run synchronously, the same way in the window, `render` and `train`: before each step
// the schedule's settings (a scenario's changes, the stress test's η), then the step, then the curvature
// wherever the rules ask for it, each told to the listeners as a typed event.
package org.shiftscope.model.run;

import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.hessian.DensityReport;
import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.train.BackgroundHessian;
import org.shiftscope.model.train.RunEvent;
import org.shiftscope.model.train.SettingsSchedule;
import org.shiftscope.model.train.StepRecord;
import org.shiftscope.model.train.TrainingSession;

import java.util.ArrayList;
import java.util.List;

public final class RunDriver {
    private final TrainingSession session;
    private final HessianPolicy policy;
    private final Measurements measurements;
    private final long budget;
    private final List<RunListener> listeners = new ArrayList<>();
    private final RunListener out = new Broadcast();
    private SettingsSchedule schedule;
    private int eventsTold;
    private FinishReason finished;
    private boolean started;

    /**
     * @param budget       steps the run may take at most (Long.MAX_VALUE for the window's open-ended runs)
     * @param measurements how the Hessian work is done: {@link MeasureNow} on this thread, or handed over
     */
    public RunDriver(TrainingSession session, SettingsSchedule schedule, HessianPolicy policy,
                     Measurements measurements, long budget) {
        this.session = session;
        this.schedule = schedule;
        this.policy = policy;
        this.measurements = measurements;
        this.budget = budget;
    }

    /** A run of {@code steps} steps that measures on the spot, as `train` and `render` do. */
    public static RunDriver headless(TrainingSession session, SettingsSchedule schedule, HessianPolicy policy, long steps) {
        return new RunDriver(session, schedule, policy, new MeasureNow(policy.densityRequest()), steps);
    }

    public RunDriver addListener(RunListener listener) {
        listeners.add(listener);
        return this;
    }

    /**
     * One step, with the schedule's settings before it and the measurements due around it.
     * @return false when the run is over (the finished event told why): it took its budget, diverged, or its
     * stress test passed the limit; no step is taken then
     */
    public boolean step() {
        long taken = session.stepsTaken();
        boolean scheduleFollowed = false;
        if (taken == 0 && !started) {
            started = true;            // the start is measured even in a run given no step
            followSchedule(taken);
            scheduleFollowed = true;
            measureStart();
        }
        FinishReason over = session.diverged() ? FinishReason.DIVERGED : taken >= budget ? FinishReason.STEPS_DONE
                : schedule.finishedAt(taken) ? FinishReason.STRESS_FINISHED : null;
        if (over != null) {
            return finish(over);
        }
        if (!scheduleFollowed) {
            followSchedule(taken);
        }
        StepRecord record = session.step();
        schedule.record(record);
        out.stepTaken(record);
        tellNewEvents();
        if (record.diverged()) {
            return finish(FinishReason.DIVERGED);
        }
        boolean stretchEnd = schedule.stretchEndsAt(record.step());
        if (stretchEnd) {
            out.stretchFinished(new StretchEnd(record.step(), record.learningRate(), schedule.maxStableLearningRate()));
        }
        if (policy.reportAfter(record.step()) || stretchEnd) {
            measurements.topK(session, stretchEnd ? Measurements.Due.STRETCH_END : Measurements.Due.PERIODIC, out);
        }
        if (policy.densityAfter(record.step())) {
            measurements.density(session, out);
        }
        return session.stepsTaken() < budget || finish(FinishReason.STEPS_DONE);
    }

    /** Steps until the run is over; returns why it ended. */
    public FinishReason run() {
        while (step()) {
            continue;
        }
        return finished;
    }

    private void followSchedule(long taken) {
        changeSettings(schedule.settingsFor(taken, session.liveSettings()),
                schedule.changesAt(taken) ? RunEvent.Cause.SCENARIO : RunEvent.Cause.STRESS_TEST);
    }

    private void measureStart() {
        if (policy.periodic()) {
            measurements.topK(session, Measurements.Due.START, out);
        }
        if (policy.densityAtStart()) {
            measurements.density(session, out);
        }
    }

    /**
     * New settings from the next step on, made by {@code cause}. A BN switch is measured on both sides on the
     * weights of the switch when it was scheduled or the run has a periodic Hessian (with a density if the policy
     * says so); any other scheduled change right after it; one by hand at the Hessian's next turn in a periodic
     * run; a stress stretch's η at the stretch's end. A scheduled change before the first step is the start.
     */
    public void changeSettings(LiveSettings next, RunEvent.Cause cause) {
        var previous = session.liveSettings();
        session.setLiveSettings(next, cause);
        tellNewEvents();
        boolean scheduled = cause == RunEvent.Cause.SCENARIO;
        if (next.equals(previous) || cause == RunEvent.Cause.STRESS_TEST || scheduled && session.stepsTaken() == 0) {
            return;
        }
        if (next.bnMode() != previous.bnMode()) {
            if (scheduled || policy.periodic()) {
                measurements.aroundSwitch(session, previous, out);
                if (policy.densityAfterSwitch()) {
                    measurements.density(session, out);
                }
            } else {
                measurements.switchUnmeasured();
            }
        } else if (scheduled) {
            measurements.topK(session, Measurements.Due.SCHEDULED_CHANGE, out);
        } else if (policy.periodic()) {
            measurements.topK(session, Measurements.Due.USER_CHANGE, out);
        }
    }

    /** A top-k report of the weights as they are now, through the run's measurements (train's final report). */
    public void measureNow() {
        measurements.topK(session, Measurements.Due.REQUESTED, out);
    }

    /** Follows {@code next} from the next step on (the window: a change by hand ends the schedule). */
    public void setSchedule(SettingsSchedule next) {
        schedule = next;
        if (finished == FinishReason.STRESS_FINISHED) {
            finished = null;
        }
    }

    private boolean finish(FinishReason reason) {
        if (finished != reason) {
            finished = reason;
            out.finished(reason);
        }
        return false;
    }

    private void tellNewEvents() {
        var events = session.events();
        for (; eventsTold < events.size(); eventsTold++) {
            out.runEvent(events.get(eventsTold));
        }
    }

    public TrainingSession session() {
        return session;
    }

    public SettingsSchedule schedule() {
        return schedule;
    }

    public HessianPolicy policy() {
        return policy;
    }

    /** Why the run ended, or null while it may take more steps. */
    public FinishReason finished() {
        return finished;
    }

    /** Every event to every listener, in the order they were added. */
    private final class Broadcast implements RunListener {
        @Override
        public void stepTaken(StepRecord record) {
            listeners.forEach(l -> l.stepTaken(record));
        }

        @Override
        public void measuring(BackgroundHessian.Kind kind, long step) {
            listeners.forEach(l -> l.measuring(kind, step));
        }

        @Override
        public void hessian(HessianReport report) {
            listeners.forEach(l -> l.hessian(report));
        }

        @Override
        public void density(DensityReport report) {
            listeners.forEach(l -> l.density(report));
        }

        @Override
        public void refused(BackgroundHessian.Kind kind, long step, String why) {
            listeners.forEach(l -> l.refused(kind, step, why));
        }

        @Override
        public void stretchFinished(StretchEnd stretch) {
            listeners.forEach(l -> l.stretchFinished(stretch));
        }

        @Override
        public void runEvent(RunEvent event) {
            listeners.forEach(l -> l.runEvent(event));
        }

        @Override
        public void finished(FinishReason reason) {
            listeners.forEach(l -> l.finished(reason));
        }
    }
}
