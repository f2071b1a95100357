// Measurements computed on the spot, on the thread that steps the run, on every core: every report is of
// the weights of the step that asked for it (train, render, tests). One that would not fit in memory (free memory
// changes as a run goes) is refused with its reason and the run goes on.
package org.shiftscope.model.run;

import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.hessian.DensityAnalysis;
import org.shiftscope.model.hessian.DensityReport;
import org.shiftscope.model.hessian.HessianMemory;
import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.train.BackgroundHessian;
import org.shiftscope.model.train.TrainingSession;

import java.util.List;

public final class MeasureNow implements Measurements {
    private final DensityAnalysis.Request densityRequest;
    private long lastStep = -1;
    private LiveSettings lastSettings;

    public MeasureNow(DensityAnalysis.Request densityRequest) {
        this.densityRequest = densityRequest;
    }

    @Override
    public void topK(TrainingSession session, Due due, RunListener out) {
        measure(BackgroundHessian.Kind.TOP_K, session, out, () -> report(session.analyseHessian(0, () -> false), out));
    }

    /** The old mode's report is left out when the last report is exactly it (a periodic one at this step). */
    @Override
    public void aroundSwitch(TrainingSession session, LiveSettings before, RunListener out) {
        if (lastStep == session.stepsTaken() && before.equals(lastSettings)) {
            topK(session, Due.SCHEDULED_CHANGE, out);
            return;
        }
        measure(BackgroundHessian.Kind.TOP_K, session, out, () -> {
            var both = (List<?>) session.changeJob(0, before).work().apply(() -> false);
            both.forEach(report -> report((HessianReport) report, out));
        });
    }

    @Override
    public void density(TrainingSession session, RunListener out) {
        measure(BackgroundHessian.Kind.DENSITY, session, out,
                () -> out.density((DensityReport) session.densityJob(0, densityRequest).work().apply(() -> false)));
    }

    /** Announces the computation, runs it, and reports a refusal (it would not fit in memory now) instead of failing. */
    private static void measure(BackgroundHessian.Kind kind, TrainingSession session, RunListener out, Runnable work) {
        out.measuring(kind, session.stepsTaken());
        try {
            work.run();
        } catch (HessianMemory.TooLargeException e) {
            out.refused(kind, session.stepsTaken(), e.getMessage());
        }
    }

    @Override
    public void switchUnmeasured() {
    }

    private void report(HessianReport report, RunListener out) {
        lastStep = report.step();
        lastSettings = report.settings();
        out.hessian(report);
    }
}
