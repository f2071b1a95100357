// `train`'s progress on stderr, as a listener of its RunDriver: a line every twentieth of the run, each change
// of settings, each stress stretch's end, and each Hessian or density computation announced and reported.
package org.shiftscope.app;

import org.shiftscope.model.hessian.DensityAnalysis;
import org.shiftscope.model.hessian.DensityReport;
import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.run.RunListener;
import org.shiftscope.model.run.StretchEnd;
import org.shiftscope.model.train.BackgroundHessian;
import org.shiftscope.model.train.RunEvent;
import org.shiftscope.model.train.StepRecord;
import org.shiftscope.model.train.TrainingSession;

import java.io.PrintWriter;

final class TrainProgress implements RunListener {
    /** Progress lines printed over a run. */
    static final int LINES = 20;

    private final PrintWriter err;
    private final TrainingSession session;
    private final DensityAnalysis.Request density;
    private final long steps;
    private final long every;
    private final long start = System.nanoTime();

    TrainProgress(PrintWriter err, TrainingSession session, DensityAnalysis.Request density, long steps) {
        this.err = err;
        this.session = session;
        this.density = density;
        this.steps = steps;
        this.every = Math.max(1, steps / LINES);
    }

    @Override
    public void stepTaken(StepRecord record) {
        if (record.step() % every == 0 || record.diverged()) {
            double seconds = (System.nanoTime() - start) / 1e9;
            err.printf("step %d/%d  loss %.4f  acc %.3f%s  (%.1f steps/s)%n", record.step(), steps,
                    record.trainLoss(), record.trainAccuracy(),
                    record.evaluated() ? String.format("  test %.4f/%.3f", record.testLoss(), record.testAccuracy()) : "",
                    record.step() / seconds);
        }
    }

    /** Announced first: on a large network the top-k takes seconds, and a silent terminal looks stuck. */
    @Override
    public void measuring(BackgroundHessian.Kind kind, long step) {
        if (kind == BackgroundHessian.Kind.TOP_K) {
            err.printf("step %d: computing the top-%d Hessian eigenvalues on %d examples…%n", step,
                    session.config().hessian().topK(), session.hessianSet().count());
        } else {
            err.printf("step %d: estimating the Hessian's spectral density (%d probe(s) × %d Lanczos steps)…%n",
                    step, density.probes(), density.steps());
        }
    }

    @Override
    public void hessian(HessianReport report) {
        err.printf("Hessian at step %d: %s, %d iterations, %.1f s%n", report.step(), report.summary(),
                report.iterations(), report.seconds());
    }

    @Override
    public void refused(BackgroundHessian.Kind kind, long step, String why) {
        err.printf("step %d: the %s was not computed: %s%n", step,
                kind == BackgroundHessian.Kind.TOP_K ? "top-k Hessian" : "spectral density", why);
    }

    @Override
    public void density(DensityReport report) {
        err.printf("Density at step %d: nodes in [%.4g, %.4g], %.1f s%n", report.step(),
                report.estimate().smallestNode(), report.estimate().largestNode(), report.seconds());
    }

    @Override
    public void runEvent(RunEvent event) {
        err.printf("step %d: %s%n", event.step(), event.describe(session.config().network().normalization()));
    }

    @Override
    public void stretchFinished(StretchEnd stretch) {
        err.printf("step %d: stress stretch at η %s done; largest healthy η so far %s%n", stretch.step(),
                RunEvent.number(stretch.learningRate()), Double.isNaN(stretch.maxStableLearningRate()) ? "none"
                        : RunEvent.number(stretch.maxStableLearningRate()));
    }
}
