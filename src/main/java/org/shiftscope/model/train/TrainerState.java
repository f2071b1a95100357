// The life cycle of a background training run, as shown in the status bar.
package org.shiftscope.model.train;

public enum TrainerState {
    /** Built and waiting for Start. */
    READY,
    RUNNING,
    PAUSED,
    /** Stopped by a non-finite or exploded loss; Reset recovers. */
    DIVERGED,
    /** The training thread failed unexpectedly; the message is in the snapshot; Reset recovers. */
    FAILED,
    /** Closed for good. */
    CLOSED
}
