// `shiftscope soak`: trains the classroom network headless for a long time (Hessian included) and prints a
// memory line at fixed intervals, so a maintainer can check that heap and native memory stay flat.
package org.shiftscope.app;

import org.shiftscope.model.data.Dataset;
import org.shiftscope.model.data.DatasetSource;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.config.HessianSettings;
import org.shiftscope.model.config.Limits;
import org.shiftscope.model.config.TrainingConfig;
import org.shiftscope.model.run.HessianPolicy;
import org.shiftscope.model.run.RunDriver;
import org.shiftscope.model.train.SettingsSchedule;
import org.shiftscope.model.train.TrainingSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Train for a long time and print memory at intervals: live heap after GC, committed heap, resident size "
                + "before and after the collection, and the off-heap part (resident size minus the heap's resident pages).")
public final class SoakCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--minutes", defaultValue = "120",
            description = "How long to run, " + Limits.MIN_SOAK_MINUTES + "–" + Limits.MAX_SOAK_MINUTES + ". Default: ${DEFAULT-VALUE}.")
    private double minutes;
    @Option(names = "--report-every", defaultValue = "60",
            description = "Seconds between memory lines, " + Limits.MIN_SOAK_REPORT_SECONDS + "–"
                    + Limits.MAX_SOAK_REPORT_SECONDS + ". Default: ${DEFAULT-VALUE}.")
    private int reportEvery;
    @Option(names = "--bn", defaultValue = "on", description = "off, on or frozen. Default: ${DEFAULT-VALUE}.")
    private BnMode bn;
    @Option(names = "--hessian-every", defaultValue = "500", description = "Steps between Hessian computations; 0 = never. Default: ${DEFAULT-VALUE}.")
    private int hessianEvery;

    @Override
    public Integer call() throws Exception {
        var base = TrainingConfig.classroomDefault();
        var config = UsageErrors.build(spec, () -> {
            Limits.requireRange("minutes", minutes, Limits.MIN_SOAK_MINUTES, Limits.MAX_SOAK_MINUTES);
            Limits.requireRange("report-every", reportEvery, Limits.MIN_SOAK_REPORT_SECONDS, Limits.MAX_SOAK_REPORT_SECONDS);
            return new TrainingConfig(base.dataset(), base.network(), base.depth(), base.width(), base.activation(), base.init(),
                    base.centerInputs(), base.batchSize(), base.steps(), base.seed(), base.evalEvery(), base.trackedUnit(),
                    base.optimizer().withBnMode(bn), new HessianSettings(hessianEvery, 10, 512, 0));
        });
        var dataset = DatasetSource.load(config.dataset(), config.seed());
        var driver = drive(config, dataset);
        long start = System.nanoTime();
        long end = start + (long) (minutes * 60e9);
        long nextReport = start;
        while (System.nanoTime() < end) {
            if (System.nanoTime() >= nextReport) {
                report(driver.session().stepsTaken(), (System.nanoTime() - start) / 1e9);
                nextReport += reportEvery * 1_000_000_000L;
            }
            if (!driver.step()) {
                driver = drive(config, dataset);     // diverged, keep going: a soak measures memory, not learning
            }
        }
        report(driver.session().stepsTaken(), (System.nanoTime() - start) / 1e9);
        return 0;
    }

    /** An open-ended run with the config's Hessian, as train runs it. */
    private static RunDriver drive(TrainingConfig config, Dataset dataset) {
        return RunDriver.headless(new TrainingSession(config, dataset), SettingsSchedule.none(), HessianPolicy.of(config),
                Long.MAX_VALUE);
    }

    private static void report(long steps, double seconds) throws InterruptedException {
        System.out.println(MemoryReport.measure(steps, seconds));
        System.out.flush();
    }
}
