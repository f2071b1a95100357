// Keeps a SIGTERM (or any JVM shutdown) from printing JavaFX's own stack trace: at shutdown JavaFX stops its
// render thread pool (QuantumRenderer), and a pulse already running on the FX thread can still submit a paint
// job to it, which throws RejectedExecutionException on the FX thread (seen in 1 of 4 SIGTERMs under Xvfb).
// Only that exception, from a renderer that is shutting down or terminated, is logged at debug level;
// everything else goes to the thread's usual handler.
package org.shiftscope.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.RejectedExecutionException;

final class ShutdownQuiet {
    private static final Logger LOG = LoggerFactory.getLogger(ShutdownQuiet.class);
    private static final String RENDERER = "QuantumRenderer";

    private ShutdownQuiet() {
    }

    /** Call on the FX thread: installs the filter on it. */
    static void install() {
        Thread fx = Thread.currentThread();
        Thread.UncaughtExceptionHandler usual = fx.getUncaughtExceptionHandler();
        fx.setUncaughtExceptionHandler((thread, e) -> {
            if (rejectedByStoppedRenderer(e)) {
                LOG.debug("paint job rejected by the stopped renderer at shutdown", e);
            } else {
                usual.uncaughtException(thread, e);
            }
        });
    }

    static boolean rejectedByStoppedRenderer(Throwable e) {
        String message = e.getMessage();
        return e instanceof RejectedExecutionException && message != null && message.contains(RENDERER)
                && (message.contains("Shutting down") || message.contains("Terminated"));
    }
}
