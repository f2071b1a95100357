// Which FX-thread exceptions ShutdownQuiet keeps quiet: only a paint job rejected by JavaFX's renderer pool
// after it was stopped (messages as seen on SIGTERM under Xvfb); a live pool's rejection or anything else
// still reaches the usual handler.
package org.shiftscope.app;

import org.junit.jupiter.api.Test;

import java.util.concurrent.RejectedExecutionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShutdownQuietTest {
    static final String JOB = "Task com.sun.javafx.tk.quantum.PaintRenderJob@2e5d3119 rejected from ";

    @Test
    void onlyTheStoppedRenderersRejectionIsQuiet() {
        assertTrue(ShutdownQuiet.rejectedByStoppedRenderer(new RejectedExecutionException(
                JOB + "com.sun.javafx.tk.quantum.QuantumRenderer@130afae3[Terminated, pool size = 0]")));
        assertTrue(ShutdownQuiet.rejectedByStoppedRenderer(new RejectedExecutionException(
                JOB + "com.sun.javafx.tk.quantum.QuantumRenderer@57b8fd80[Shutting down, pool size = 1]")));
        assertFalse(ShutdownQuiet.rejectedByStoppedRenderer(new RejectedExecutionException(
                JOB + "com.sun.javafx.tk.quantum.QuantumRenderer@57b8fd80[Running, pool size = 1]")));
        assertFalse(ShutdownQuiet.rejectedByStoppedRenderer(new RejectedExecutionException(
                "rejected from java.util.concurrent.ThreadPoolExecutor@1[Terminated]")));
        assertFalse(ShutdownQuiet.rejectedByStoppedRenderer(new IllegalStateException("QuantumRenderer Terminated")));
        assertFalse(ShutdownQuiet.rejectedByStoppedRenderer(new RejectedExecutionException()));
    }
}
