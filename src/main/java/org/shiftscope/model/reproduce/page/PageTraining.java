// Trains one of Page's nets to the measurement step on its one-cycle schedule, and finds the no-BN net's largest
// healthy peak learning rate by halving from the BN net's (Page: 5.0 with BN, 0.2 without).
package org.shiftscope.model.reproduce.page;

import org.shiftscope.model.data.Dataset;
import org.shiftscope.model.train.RunEvent;
import org.shiftscope.model.train.TrainingSession;

import java.util.function.Consumer;

/**
 * A run is healthy when it did not diverge and its mean training loss over the last tenth of its steps is below
 * ln C (C classes: the loss of a uniform guess), the stress test's criterion.
 */
public final class PageTraining {
    /**
     * @param session   the run, stopped at the measurement step (or at its divergence)
     * @param peak      its schedule's peak learning rate
     * @param finalLoss mean training loss over the last tenth of its steps
     */
    public record Trained(TrainingSession session, double peak, double finalLoss) {
        public boolean healthy() {
            return !session.diverged() && finalLoss < Math.log(session.data().classes());
        }
    }

    private PageTraining() {
    }

    /** One net, BN or not, on the one-cycle schedule peaking at {@code peak}, up to the measurement step. */
    public static Trained train(PageProtocol protocol, Dataset data, boolean batchNorm, double peak) {
        var session = new TrainingSession(protocol.config(batchNorm, peak), data);
        var schedule = OneCycle.over(peak, protocol.steps());
        int last = protocol.measureStep();
        int tail = Math.max(1, last / 10);
        double tailLoss = 0;
        for (int step = 0; step < last && !session.diverged(); step++) {
            var settings = session.liveSettings();
            session.setLiveSettings(settings.withLearningRate(schedule.rate(step)), RunEvent.Cause.SCENARIO);
            var record = session.step();
            if (step >= last - tail) {
                tailLoss += record.trainLoss() / tail;
            }
        }
        return new Trained(session, peak, session.diverged() ? Double.NaN : tailLoss);
    }

    /**
     * The no-BN net at the largest healthy peak of bnPeak, bnPeak/2, bnPeak/4, …; the last candidate's run if none
     * is healthy (its report says so).
     */
    public static Trained largestHealthyWithoutBn(PageProtocol protocol, Dataset data, Consumer<String> progress) {
        Trained run = null;
        double peak = protocol.bnPeak();
        for (int candidate = 0; candidate < PageProtocol.SEARCH_CANDIDATES; candidate++, peak /= PageProtocol.SEARCH_FACTOR) {
            run = train(protocol, data, false, peak);
            progress.accept(String.format("no-BN net at peak η %.4g: %s", peak, run.healthy() ? "healthy, loss "
                    + String.format("%.3f", run.finalLoss()) : run.session().diverged()
                    ? "diverged at step " + run.session().divergence().step() : "loss " + String.format("%.3f", run.finalLoss())));
            if (run.healthy()) {
                return run;
            }
        }
        return run;
    }
}
