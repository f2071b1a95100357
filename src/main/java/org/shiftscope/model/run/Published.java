// What BackgroundTrainer's thread publishes for readers on other threads: the newest snapshot, and the step
// records since the reader last looked, in a bounded queue that drops the oldest when a reader falls behind.
package org.shiftscope.model.run;

import org.shiftscope.model.train.StepRecord;
import org.shiftscope.model.train.TrainerState;
import org.shiftscope.model.train.TrainingSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

final class Published {
    private final AtomicReference<TrainingSnapshot> snapshot = new AtomicReference<>();
    private final BlockingQueue<StepRecord> records;

    Published(int capacity) {
        records = new ArrayBlockingQueue<>(capacity);
    }

    TrainingSnapshot snapshot() {
        return snapshot.get();
    }

    /**
     * Publishes the run's newest state (settings applied meanwhile included) with {@code record}, or with the last
     * published step's record while {@code generation} is the same when there is no new one.
     */
    void snapshot(TrainerState state, StepRecord record, RunDriver driver, double stepsPerSecond, String message,
                  long generation) {
        var previous = snapshot.get();
        StepRecord latest = record != null ? record
                : previous != null && previous.generation() == generation ? previous.latest() : null;
        var session = driver.session();
        var schedule = driver.schedule();
        snapshot.set(new TrainingSnapshot(state, session.stepsTaken(), latest, session.liveSettings(),
                session.startedAs(), stepsPerSecond, message, generation, !schedule.isEmpty(),
                schedule.hasStress(), schedule.maxStableLearningRate(), session.events()));
    }

    void add(StepRecord record) {
        if (!records.offer(record)) {
            records.poll();
            records.offer(record);
        }
    }

    /** Every record added since the last call, oldest first. */
    List<StepRecord> drain() {
        var drained = new ArrayList<StepRecord>(records.size());
        records.drainTo(drained);
        return drained;
    }

    /** Forgets the records not read yet (of weights that are gone). */
    void clear() {
        records.clear();
    }
}
