// Runs Hessian analyses on their own thread while training continues (issue "Hessian outliers": never stop
// the training thread for a whole computation). The trainer hands over a float64 copy of the weights taken
// between two steps; at most one computation runs, a request arriving meanwhile is skipped, and a running
// one is cancelled when its result would be stale (rebuild, BN mode change, shutdown).
package org.shiftscope.model.train;

import org.shiftscope.model.hessian.ExactHessian;
import org.shiftscope.model.hessian.HessianMemory;
import org.shiftscope.model.hessian.HessianReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.BooleanSupplier;

public final class BackgroundHessian implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundHessian.class);
    private static final long SHUTDOWN_WAIT_MS = 10_000;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        var thread = new Thread(runnable, "shiftscope-hessian");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<AtomicBoolean> running = new AtomicReference<>();
    private final AtomicReference<HessianReport> latest = new AtomicReference<>();
    private final LinkedBlockingQueue<HessianReport> reports = new LinkedBlockingQueue<>();
    private final AtomicReference<String> lastError = new AtomicReference<>();

    /**
     * Starts {@code analysis} unless one is still running.
     * @param analysis the computation, given a cancellation flag to poll
     * @return whether it was started
     */
    public boolean submit(Function<BooleanSupplier, HessianReport> analysis) {
        var cancelled = new AtomicBoolean();
        if (!running.compareAndSet(null, cancelled)) {
            return false;
        }
        try {
            executor.execute(() -> run(analysis, cancelled));
        } catch (RejectedExecutionException e) {
            running.set(null);             // shut down: nothing more to compute
            return false;
        }
        return true;
    }

    private void run(Function<BooleanSupplier, HessianReport> analysis, AtomicBoolean cancelled) {
        try {
            HessianReport report = analysis.apply(cancelled::get);
            if (!cancelled.get()) {
                latest.set(report);
                reports.offer(report);
                lastError.set(null);
            }
        } catch (ExactHessian.CancelledException e) {
            LOG.debug("Hessian computation cancelled");
        } catch (HessianMemory.TooLargeException e) {
            LOG.warn("Hessian computation refused: {}", e.getMessage());
            lastError.set("Hessian not computed: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Hessian computation failed", e);
            lastError.set("Hessian computation failed: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            // The estimate checked up front leaves out what training holds at the same time; its basis is
            // garbage once this frame unwinds, so training goes on.
            LOG.error("Hessian computation ran out of memory", e);
            lastError.set("Hessian computation ran out of memory:"
                    + " use a smaller depth, width, top-k or number of Lanczos iterations");
        } finally {
            running.set(null);
        }
    }

    /** Cancels the running computation, if any; its result is dropped. */
    public void cancel() {
        AtomicBoolean flag = running.get();
        if (flag != null) {
            flag.set(true);
        }
    }

    public boolean busy() {
        return running.get() != null;
    }

    /** The newest finished report, or null. */
    public HessianReport latest() {
        return latest.get();
    }

    /** Reports finished since the last call, oldest first. */
    public List<HessianReport> drainReports() {
        var drained = new ArrayList<HessianReport>();
        reports.drainTo(drained);
        return drained;
    }

    /** Forgets finished results (after a rebuild). */
    public void clear() {
        latest.set(null);
        reports.clear();
        lastError.set(null);
    }

    /** Why the last computation failed, or null once one has succeeded since. */
    public String lastError() {
        return lastError.get();
    }

    @Override
    public void close() {
        cancel();
        executor.shutdown();
        try {
            executor.awaitTermination(SHUTDOWN_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isTerminated() {
        return executor.isTerminated();
    }
}
