// Keeps a SIGTERM (or any JVM shutdown) from printing JavaFX's own stack traces: once the JVM is shutting
// down, an FX-thread exception (a pulse on the stopped renderer, a mouse event after the pipeline is gone) is
// an artefact of the toolkit's disposal and is logged at debug level only.
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
