// Keeps a SIGTERM (or any JVM shutdown) from printing JavaFX's own stack traces. JavaFX's shutdown hook disposes
// the toolkit while the FX thread is still handling events, so the FX thread can fail in two ways seen under Xvfb:
// a pulse submits a paint job to the stopped render pool (RejectedExecutionException from QuantumRenderer), or a
// mouse event picks a node after the graphics pipeline is gone (NullPointerException in QuantumToolkit.isSupported).
// Once the JVM is shutting down, any FX-thread exception is such an artefact and is logged at debug level only;
// before that, everything but the stopped renderer's rejection goes to the thread's usual handler.
package org.shiftscope.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;

final class ShutdownQuiet {
    private static final Logger LOG = LoggerFactory.getLogger(ShutdownQuiet.class);
    private static final String RENDERER = "QuantumRenderer";

    private ShutdownQuiet() {
    }

    /** Call on the FX thread: installs the filter on it. */
    static void install() {
        Thread fx = Thread.currentThread();
        fx.setUncaughtExceptionHandler(filter(fx.getUncaughtExceptionHandler(), ShutdownQuiet::jvmShuttingDown));
    }

    /** {@code usual}, except for exceptions while {@code shuttingDown} says so and the stopped renderer's rejection. */
    static Thread.UncaughtExceptionHandler filter(Thread.UncaughtExceptionHandler usual, BooleanSupplier shuttingDown) {
        return (thread, e) -> {
            if (rejectedByStoppedRenderer(e) || shuttingDown.getAsBoolean()) {
                LOG.debug("the FX thread failed while JavaFX shuts down", e);
            } else {
                usual.uncaughtException(thread, e);
            }
        };
    }

    static boolean rejectedByStoppedRenderer(Throwable e) {
        String message = e.getMessage();
        return e instanceof RejectedExecutionException && message != null && message.contains(RENDERER)
                && (message.contains("Shutting down") || message.contains("Terminated"));
    }

    /**
     * Whether the JVM has begun running its shutdown hooks (SIGTERM, System.exit). The JVM refuses new hooks from
     * that moment, before any hook (JavaFX's included) starts, so the answer cannot lag behind JavaFX's teardown.
     */
    static boolean jvmShuttingDown() {
        var probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shutdownInProgress) {
            return true;
        }
    }
}
