// `shiftscope soak`: trains the classroom network headless for a long time (Hessian included) and prints a
// memory line at fixed intervals, so a maintainer can check that heap and native memory stay flat.
package org.shiftscope.app;

import org.shiftscope.model.data.DatasetSource;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.config.HessianSettings;
import org.shiftscope.model.config.Limits;
import org.shiftscope.model.config.TrainingConfig;
import org.shiftscope.model.train.TrainingSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Train for a long time and print memory at intervals: live heap after GC, committed heap, resident size "
                + "before and after the collection, and the off-heap part (resident size minus the heap's resident pages).")
public final class SoakCommand implements Callable<Integer> {
    static final double MIN_MINUTES = 0.1;
    /** One week: long enough for any soak, short enough that the end time cannot overflow. */
    static final double MAX_MINUTES = 7 * 24 * 60;
    static final int MIN_REPORT_SECONDS = 1;
    static final int MAX_REPORT_SECONDS = 24 * 60 * 60;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--minutes", defaultValue = "120", description = "How long to run, 0.1–10080. Default: ${DEFAULT-VALUE}.")
    private double minutes;
    @Option(names = "--report-every", defaultValue = "60", description = "Seconds between memory lines, 1–86400. Default: ${DEFAULT-VALUE}.")
    private int reportEvery;
    @Option(names = "--bn", defaultValue = "on", description = "off, on or frozen. Default: ${DEFAULT-VALUE}.")
    private BnMode bn;
    @Option(names = "--hessian-every", defaultValue = "500", description = "Steps between Hessian computations; 0 = never. Default: ${DEFAULT-VALUE}.")
    private int hessianEvery;

    @Override
    public Integer call() throws Exception {
        var base = TrainingConfig.classroomDefault();
        var config = UsageErrors.build(spec, () -> {
            Limits.requireRange("minutes", minutes, MIN_MINUTES, MAX_MINUTES);
            Limits.requireRange("report-every", reportEvery, MIN_REPORT_SECONDS, MAX_REPORT_SECONDS);
            return new TrainingConfig(base.dataset(), base.depth(), base.width(), base.activation(), base.init(),
                    base.centerInputs(), base.batchSize(), base.steps(), base.seed(), base.evalEvery(), base.trackedUnit(),
                    base.optimizer().withBnMode(bn), new HessianSettings(hessianEvery, 10, 512, 0));
        });
        var dataset = DatasetSource.load(config.dataset(), config.seed());
        var session = new TrainingSession(config, dataset);
        long start = System.nanoTime();
        long end = start + (long) (minutes * 60e9);
        long nextReport = start;
        while (System.nanoTime() < end) {
            if (System.nanoTime() >= nextReport) {
                report(session.stepsTaken(), (System.nanoTime() - start) / 1e9);
                nextReport += reportEvery * 1_000_000_000L;
            }
            if (session.diverged()) {
                session = new TrainingSession(config, dataset);     // keep going: a soak measures memory, not learning
            }
            var record = session.step();
            if (hessianEvery > 0 && record.step() % hessianEvery == 0 && !record.diverged()) {
                session.analyseHessian(0, () -> false);
            }
        }
        report(session.stepsTaken(), (System.nanoTime() - start) / 1e9);
        return 0;
    }

    private static void report(long steps, double seconds) throws InterruptedException {
        System.out.println(MemoryReport.measure(steps, seconds));
        System.out.flush();
    }
}
