// Which FX-thread exceptions ShutdownQuiet keeps quiet: a paint job rejected by JavaFX's renderer pool after it
// was stopped (messages as seen on SIGTERM under Xvfb), and anything once the JVM is shutting down; before that,
// a live pool's rejection or anything else still reaches the usual handler. The shutdown probe is checked in a
// separate JVM, before and during its shutdown.
package org.shiftscope.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShutdownQuietTest {
    static final long PROBE_TIMEOUT_S = 60;
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

    @Test
    void duringShutdownAnyFxThreadExceptionIsQuietAndBeforeItNone() {
        var seen = new ArrayList<Throwable>();
        var pipelineGone = new NullPointerException("Cannot invoke \"com.sun.prism.GraphicsPipeline.is3DSupported()\"");
        ShutdownQuiet.filter((thread, e) -> seen.add(e), () -> true).uncaughtException(Thread.currentThread(), pipelineGone);
        assertEquals(List.of(), seen, "quiet during shutdown");
        ShutdownQuiet.filter((thread, e) -> seen.add(e), () -> false).uncaughtException(Thread.currentThread(), pipelineGone);
        assertEquals(List.of(pipelineGone), seen, "reported while the JVM runs");
    }

    @Test
    void theProbeSeesTheShutdownOnlyOnceItHasBegun() throws IOException, InterruptedException {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ShutdownProbe.class.getName())
                .redirectErrorStream(true).start();
        assertTrue(process.waitFor(PROBE_TIMEOUT_S, TimeUnit.SECONDS), "the probe JVM ends");
        var lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of("running false", "hook true"), lines);
    }
}
