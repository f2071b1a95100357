// One run of a bundled scenario as `render` runs it (ScenarioRunner on the scenario's own data and seed), with
// every step record and Hessian report its driver told, for tests of what the scenario's texts claim.
package org.shiftscope.model.scenario;

import org.shiftscope.model.data.Dataset;
import org.shiftscope.model.data.DatasetSource;
import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.hessian.StabilityThreshold;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.run.RunDriver;
import org.shiftscope.model.run.RunListener;
import org.shiftscope.model.train.StepRecord;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * @param steps   every step record, in order (index i holds step i + 1)
 * @param reports every Hessian report, in order
 * @param outcome the run's driver at its end (session and schedule, with the stress verdict)
 */
record RecordedRun(List<StepRecord> steps, List<HessianReport> reports, RunDriver outcome) {

    static Scenario bundled(String id) {
        var scenario = ScenarioReader.bundled(id);
        assertNotNull(scenario, id);
        return scenario;
    }

    static Dataset data(Scenario scenario) throws Exception {
        return DatasetSource.load(scenario.config().dataset(), scenario.config().seed());
    }

    /** Runs the scenario for up to {@code steps} steps per run; one recording per run, in the scenario's order. */
    static List<RecordedRun> of(Scenario scenario, long steps) throws Exception {
        var drivers = ScenarioRunner.drivers(scenario, data(scenario), steps);
        var result = new ArrayList<RecordedRun>();
        for (var driver : drivers) {
            var run = new RecordedRun(new ArrayList<>(), new ArrayList<>(), driver);
            driver.addListener(new RunListener() {
                @Override
                public void stepTaken(StepRecord record) {
                    run.steps().add(record);
                }

                @Override
                public void hessian(HessianReport report) {
                    run.reports().add(report);
                }
            });
            result.add(run);
        }
        ScenarioRunner.run(drivers);
        return result;
    }

    /** η·λ1 over the full-batch threshold 2(1+β) (or Nesterov's): 1 on the chart's dashed line. */
    static double onLine(HessianReport r) {
        return r.lrTimesLambdaMax() / StabilityThreshold.lrTimesCurvatureLimit(r.settings());
    }

    /** The step that diverged, or null. */
    StepRecord divergence() {
        return steps.stream().filter(StepRecord::diverged).findFirst().orElse(null);
    }

    /** Reports of the weights of steps {@code from} to {@code to}, both included, in the given BN mode. */
    List<HessianReport> reports(long from, long to, BnMode mode) {
        return reports.stream().filter(r -> r.step() >= from && r.step() <= to && r.bnMode() == mode).toList();
    }

    StepRecord step(long step) {
        return steps.get((int) step - 1);
    }
}
