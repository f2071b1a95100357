// How a RunDriver's Hessian work is done: on the spot, on the stepping thread (MeasureNow: train, render), or
// handed to the window's Hessian thread, which takes turns with training (HessianTurns).
package org.shiftscope.model.run;

import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.train.TrainingSession;

public interface Measurements {
    /** Why a top-k report of the current weights is due. */
    enum Due {
        /** The initial weights. */
        START,
        /** The policy's period. */
        PERIODIC,
        /** The end of a stress stretch. */
        STRETCH_END,
        /** Right after a scheduled change of η, β or weight decay: the λ chart gets a point at the change. */
        SCHEDULED_CHANGE,
        /** After a change by hand, at the Hessian's next turn (the curvature is the same, only its threshold moves). */
        USER_CHANGE,
        /** Asked for outside the rules (train's final report before it exports the model). */
        REQUESTED
    }

    /**
     * A top-k report of the session's weights in its current settings. MeasureNow hands it to {@code out} at once;
     * HessianTurns queues it for the window, which drains reports from the trainer instead.
     */
    void topK(TrainingSession session, Due due, RunListener out);

    /** The curvature on both sides of a BN switch, on the weights of the switch: {@code before}, then the current. */
    void aroundSwitch(TrainingSession session, LiveSettings before, RunListener out);

    /** The spectral density of the session's weights in its current settings. */
    void density(TrainingSession session, RunListener out);

    /** A BN switch that is not measured: any report under way is of the old mode and is dropped. */
    void switchUnmeasured();
}
