// The thread Page's shift experiments run on beside training (ShiftExperiments): jobs one at a time in the order
// handed over, a failure kept as the last error; a job may first wait until the Hessian thread is idle, since they
// would share the cores while training waits for the Hessian.
package org.shiftscope.model.run;

import org.shiftscope.model.train.BackgroundHessian;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

final class ShiftThread implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ShiftThread.class);
    private static final long SHUTDOWN_WAIT_MS = 10_000;
    /** How often a job waiting for the Hessian thread looks whether it is done. */
    private static final long HESSIAN_POLL_MS = 20;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        var thread = new Thread(runnable, "shiftscope-shift");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<String> lastError = new AtomicReference<>();

    /** Runs {@code work} on this thread; a failure becomes the last error (a success clears it), then {@code done} runs. */
    void run(String what, Runnable work, Runnable done) {
        try {
            executor.execute(() -> {
                try {
                    work.run();
                    lastError.set(null);
                } catch (RuntimeException | OutOfMemoryError e) {
                    if (!closed.get()) {
                        LOG.warn("The {} failed", what, e);
                        lastError.set("The " + what + " failed: " + e.getMessage());
                    }
                } finally {
                    done.run();
                }
            });
        } catch (RejectedExecutionException e) {
            done.run();                                // closed: nothing more to compute
        }
    }

    /** Waits, on this thread, until {@code hessian} has nothing to do (or this closes). */
    void awaitIdle(BackgroundHessian hessian) {
        while (hessian.busy() && !closed.get()) {
            try {
                Thread.sleep(HESSIAN_POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    boolean closed() {
        return closed.get();
    }

    /** Why the last job (or a Keep) failed, or null. */
    String lastError() {
        return lastError.get();
    }

    void setLastError(String error) {
        lastError.set(error);
    }

    /** Stops after the job under way; jobs not started are dropped. */
    @Override
    public void close() {
        closed.set(true);
        executor.shutdownNow();
        try {
            executor.awaitTermination(SHUTDOWN_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isTerminated() {
        return executor.isTerminated();
    }
}
