// Starts JavaFX without a display for the headless commands: Monocle's headless platform with software
// rendering (the same settings as the headless tests), or nothing if the toolkit already runs (tests).
package org.shiftscope.app;

import javafx.application.Platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

final class HeadlessFx {
    private HeadlessFx() {
    }

    /** Idempotent; the toolkit stays up (implicit exit off) until the JVM ends. */
    static synchronized void start() throws InterruptedException {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("headless.geometry", "1920x1200-32");   // Monocle's default screen (1280×800) is smaller than the board
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        java.util.logging.Logger.getLogger("javafx").setLevel(java.util.logging.Level.SEVERE);
        var started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        started.await();
        Platform.setImplicitExit(false);
    }

    /**
     * Starts the toolkit, runs {@code drawing} on the FX thread and waits for what it completes with; a failed
     * write comes back as the IOException that failed it, any other failure as an IllegalStateException.
     */
    static <T> T draw(Supplier<CompletableFuture<T>> drawing, long timeoutSeconds)
            throws IOException, InterruptedException, TimeoutException {
        start();
        var result = new CompletableFuture<T>();
        Platform.runLater(() -> {
            try {
                drawing.get().whenComplete((value, failure) -> {
                    if (failure != null) {
                        result.completeExceptionally(failure);
                    } else {
                        result.complete(value);
                    }
                });
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IllegalStateException("drawing the figures failed: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
