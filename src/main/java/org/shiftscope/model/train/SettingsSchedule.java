// The settings a run follows by itself: a scenario's scheduled changes and, optionally, the learning-rate
// stress test. Every run's driver (train, render, the window) asks it before every step, so the same scenario
// takes the same steps everywhere. Mutable; owned by the thread that steps the session.
package org.shiftscope.model.train;

import org.shiftscope.model.config.LiveSettings;

import java.util.Comparator;
import java.util.List;

public final class SettingsSchedule {
    private final List<ScheduledChange> changes;
    private final LearningRateStress stress;

    /** @param stress the stress test, or null for none */
    public SettingsSchedule(List<ScheduledChange> changes, LearningRateStress stress) {
        this.changes = changes.stream().sorted(Comparator.comparingLong(ScheduledChange::atStep)).toList();
        this.stress = stress;
    }

    public static SettingsSchedule none() {
        return new SettingsSchedule(List.of(), null);
    }

    /**
     * The settings for the step after {@code stepsTaken}: the stress test's η if one runs, then every change
     * due exactly at this step (a change written for step N applies once, when N steps have been taken).
     */
    public LiveSettings settingsFor(long stepsTaken, LiveSettings current) {
        var next = stress == null ? current : current.withLearningRate(stress.learningRateAt(stepsTaken));
        for (var change : changes) {
            if (change.atStep() == stepsTaken) {
                next = change.applyTo(next);
            }
        }
        return next;
    }

    /** Whether a scheduled change applies before the step after {@code stepsTaken}: a moment to measure λ1. */
    public boolean changesAt(long stepsTaken) {
        return changes.stream().anyMatch(c -> c.atStep() == stepsTaken);
    }

    /** Whether the stress test has passed its limit: the run should stop before taking another step. */
    public boolean finishedAt(long stepsTaken) {
        return stress != null && stress.finishedAt(stepsTaken);
    }

    /** Feeds a step's record to the stress test's verdict. */
    public void record(StepRecord record) {
        if (stress != null) {
            stress.record(record);
        }
    }

    /** Whether a stress stretch ended with this step (the moment to measure λ1 at that η). */
    public boolean stretchEndsAt(long step) {
        return stress != null && step % stress.every() == 0;
    }

    public boolean hasStress() {
        return stress != null;
    }

    public boolean isEmpty() {
        return stress == null && changes.isEmpty();
    }

    /** The largest η whose whole stretch was healthy, NaN without a stress test or before one was. */
    public double maxStableLearningRate() {
        return stress == null ? Double.NaN : stress.maxStableLearningRate();
    }
}
