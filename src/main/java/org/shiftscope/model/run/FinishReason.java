// Why a RunDriver stopped taking steps.
package org.shiftscope.model.run;

public enum FinishReason {
    /** It took the steps it was given. */
    STEPS_DONE,
    /** Its last step diverged. */
    DIVERGED,
    /** Its learning-rate stress test passed the limit. */
    STRESS_FINISHED
}
