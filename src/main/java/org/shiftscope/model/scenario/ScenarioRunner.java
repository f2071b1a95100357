// Runs a scenario synchronously, its runs in lock step (one step of each in turn), for the headless renderer:
// the same schedule as the window (scenario changes, stress test), the Hessian computed on the spot whenever
// the window would ask for it (at the start and every hessian.every steps, at the end of each stress
// stretch, on both sides of a scheduled BN switch on the same weights, right after any other scheduled change),
// so a settings file always produces the same figures.
package org.shiftscope.model.scenario;

import org.shiftscope.model.data.Dataset;
import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.train.RunEvent;
import org.shiftscope.model.train.SettingsSchedule;
import org.shiftscope.model.train.StepRecord;
import org.shiftscope.model.train.TrainingSession;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

public final class ScenarioRunner {
    /** Told about every step and Hessian report, with the index of the run (0, or 1 for the comparison run). */
    public interface Listener {
        void step(int run, StepRecord record) throws IOException;

        void hessian(int run, HessianReport report) throws IOException;
    }

    /** One run's end state: its session (weights, divergence) and its schedule (the stress verdict). */
    public record Outcome(TrainingSession session, SettingsSchedule schedule) {
    }

    private ScenarioRunner() {
    }

    /** Takes up to {@code steps} steps in each run; a run stops early when it diverges or its stress test ends. */
    public static List<Outcome> run(Scenario scenario, Dataset data, long steps, Listener listener) throws IOException {
        var outcomes = new ArrayList<Outcome>();
        for (var config : scenario.runs()) {
            var session = new TrainingSession(config, data);
            outcomes.add(new Outcome(session, scenario.schedule(session.data().classes())));
        }
        var active = new boolean[outcomes.size()];
        Arrays.fill(active, true);
        for (long taken = 0; taken < steps; taken++) {
            boolean any = false;
            for (int run = 0; run < outcomes.size(); run++) {
                if (active[run]) {
                    active[run] = stepOnce(run, outcomes.get(run), listener);
                    any |= active[run];
                }
            }
            if (!any) {
                break;
            }
        }
        return outcomes;
    }

    /** Whether a report follows step {@code step}: the Hessian's period, or the end of a stress stretch. */
    private static boolean reportDueAfter(long step, int every, SettingsSchedule schedule) {
        return every > 0 && step % every == 0 || schedule.stretchEndsAt(step);
    }

    /** One step of one run; false when the run is over. */
    private static boolean stepOnce(int run, Outcome outcome, Listener listener) throws IOException {
        var session = outcome.session();
        var schedule = outcome.schedule();
        long taken = session.stepsTaken();
        if (schedule.finishedAt(taken)) {
            return false;
        }
        int every = session.config().hessian().every();
        var before = session.liveSettings();
        var next = schedule.settingsFor(taken, before);
        boolean change = taken > 0 && schedule.changesAt(taken);
        boolean measured = taken > 0 && reportDueAfter(taken, every, schedule);
        if (change && next.bnMode() != before.bnMode() && !measured) {
            listener.hessian(run, session.analyseHessian(0, () -> false));   // the old mode, on the weights of the switch
        }
        session.setLiveSettings(next, change ? RunEvent.Cause.SCENARIO : RunEvent.Cause.STRESS_TEST);
        if (taken == 0 ? every > 0 : change) {
            listener.hessian(run, session.analyseHessian(0, () -> false));   // the start, or right after a change
        }
        StepRecord record = session.step();
        schedule.record(record);
        listener.step(run, record);
        if (record.diverged()) {
            return false;
        }
        if (reportDueAfter(record.step(), every, schedule)) {
            listener.hessian(run, session.analyseHessian(0, () -> false));
        }
        return true;
    }
}
