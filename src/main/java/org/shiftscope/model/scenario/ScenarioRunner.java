// Runs a scenario synchronously for the headless renderer: one RunDriver per run (the same schedule and the
// same Hessian rules as the window, every report computed on the spot), stepped in lock step, one step of
// each in turn, so a settings file always produces the same figures.
package org.shiftscope.model.scenario;

import org.shiftscope.model.data.Dataset;
import org.shiftscope.model.run.HessianPolicy;
import org.shiftscope.model.run.RunDriver;
import org.shiftscope.model.train.TrainingSession;

import java.util.ArrayList;
import java.util.List;

public final class ScenarioRunner {
    private ScenarioRunner() {
    }

    /** A driver for each run of {@code scenario}, in its order, each of up to {@code steps} steps; none started. */
    public static List<RunDriver> drivers(Scenario scenario, Dataset data, long steps) {
        var drivers = new ArrayList<RunDriver>();
        for (var config : scenario.runs()) {
            var session = new TrainingSession(config, data);
            drivers.add(RunDriver.headless(session, scenario.schedule(session.data().classes()),
                    HessianPolicy.of(config), steps));
        }
        return drivers;
    }

    /** Steps every driver in turn until each is over (its steps taken, diverged, or its stress test finished). */
    public static void run(List<RunDriver> drivers) {
        var active = new ArrayList<>(drivers);
        while (!active.isEmpty()) {
            active.removeIf(driver -> !driver.step());
        }
    }
}
