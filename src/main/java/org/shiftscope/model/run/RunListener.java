// What a RunDriver tells about its run, in order: each step, each Hessian or density report (announced
// before a synchronous computation starts), each finished stress stretch, each change of settings, the end.
package org.shiftscope.model.run;

import org.shiftscope.model.hessian.DensityReport;
import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.train.BackgroundHessian;
import org.shiftscope.model.train.RunEvent;
import org.shiftscope.model.train.StepRecord;

public interface RunListener {
    default void stepTaken(StepRecord record) {
    }

    /** A synchronous computation of {@code kind} on the weights of {@code step} starts now (it may take seconds). */
    default void measuring(BackgroundHessian.Kind kind, long step) {
    }

    default void hessian(HessianReport report) {
    }

    /** A computation of {@code kind} at {@code step} was refused ({@code why}: it would not fit in memory); the run goes on. */
    default void refused(BackgroundHessian.Kind kind, long step, String why) {
    }

    default void density(DensityReport report) {
    }

    /** A stress stretch ended healthy or not with this step; its λ1 report, if any, follows. */
    default void stretchFinished(StretchEnd stretch) {
    }

    /** A change of settings (who made it, at which step) or the divergence. */
    default void runEvent(RunEvent event) {
    }

    default void finished(FinishReason reason) {
    }
}
