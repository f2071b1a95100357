// Runs Hessian analyses (top-k reports, spectral densities) on their own thread on copies of the weights taken
// between two steps, while training continues. One job runs and one waits: an urgent job (a BN switch, a
// rebuild) cancels the running one; a routine one is refused while busy and stays due.
package org.shiftscope.model.train;

import org.shiftscope.model.hessian.DensityReport;
import org.shiftscope.model.hessian.ExactHessian;
import org.shiftscope.model.hessian.HessianMemory;
import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.net.BnMode;
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
import java.util.function.BooleanSupplier;
import java.util.function.Function;

public final class BackgroundHessian implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundHessian.class);
    private static final long SHUTDOWN_WAIT_MS = 10_000;

    /** What a job computes. */
    public enum Kind { TOP_K, DENSITY }

    /**
     * One computation on weights captured at {@code step}: {@code work} returns a HessianReport (TOP_K), a list of
     * them (the same weights in two settings, around a change) or a DensityReport (DENSITY), polling the flag it
     * is given for cancellation.
     */
    public record Job(Kind kind, long step, long generation, BnMode bnMode, Function<BooleanSupplier, Object> work) {
    }

    /** The job the thread is computing, and since when (System.nanoTime()). */
    public record Activity(Kind kind, long step, long generation, BnMode bnMode, long startedNanos) {
    }

    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        var thread = new Thread(runnable, "shiftscope-hessian");
        thread.setDaemon(true);
        return thread;
    });
    private final Runnable onIdle;
    private final AtomicReference<HessianReport> latest = new AtomicReference<>();
    private final LinkedBlockingQueue<HessianReport> reports = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<DensityReport> densities = new LinkedBlockingQueue<>();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final AtomicReference<Activity> activity = new AtomicReference<>();

    // Guarded by this.
    private AtomicBoolean runningCancelled;
    private Job running;
    private Job waiting;
    private boolean shutDown;

    /** @param onIdle called on the Hessian thread each time it has nothing left to do (the trainer may hand over more) */
    public BackgroundHessian(Runnable onIdle) {
        this.onIdle = onIdle;
    }

    public BackgroundHessian() {
        this(() -> { });
    }

    /**
     * Starts {@code job} if the thread is free. With {@code replace} it never waits behind older work: the
     * running job is cancelled (its result dropped) and {@code job} runs next, in place of any waiting one.
     * @return whether the job was taken; a routine job is refused while another runs or waits
     */
    public synchronized boolean submit(Job job, boolean replace) {
        if (shutDown) {
            return false;
        }
        if (runningCancelled != null || waiting != null) {
            if (!replace) {
                return false;
            }
            if (runningCancelled != null) {
                runningCancelled.set(true);
            }
            waiting = job;
            return true;
        }
        return start(job);
    }

    /** Called with the lock held. */
    private boolean start(Job job) {
        var cancelled = new AtomicBoolean();
        runningCancelled = cancelled;
        running = job;
        try {
            executor.execute(() -> run(job, cancelled));
        } catch (RejectedExecutionException e) {
            runningCancelled = null;      // shut down: nothing more to compute
            running = null;
            return false;
        }
        return true;
    }

    private void run(Job job, AtomicBoolean cancelled) {
        activity.set(new Activity(job.kind(), job.step(), job.generation(), job.bnMode(), System.nanoTime()));
        try {
            Object result = job.work().apply(cancelled::get);
            if (!cancelled.get()) {
                if (result instanceof HessianReport report) {
                    offer(report);
                } else if (result instanceof List<?> several) {
                    several.forEach(report -> offer((HessianReport) report));
                } else if (result instanceof DensityReport density) {
                    densities.offer(density);
                }
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
            activity.set(null);
            finished();
        }
    }

    private void offer(HessianReport report) {
        latest.set(report);
        reports.offer(report);
    }

    private void finished() {
        boolean idle;
        synchronized (this) {
            runningCancelled = null;
            running = null;
            Job next = waiting;
            waiting = null;
            idle = next == null || shutDown || !start(next);
        }
        if (idle) {
            onIdle.run();
        }
    }

    /** Cancels the running job and drops the waiting one; their results are dropped. */
    public synchronized void cancel() {
        if (runningCancelled != null) {
            runningCancelled.set(true);
        }
        waiting = null;
    }

    /** Whether a job runs or waits. */
    public synchronized boolean busy() {
        return runningCancelled != null || waiting != null;
    }

    /** Whether this job (the very object submitted) still runs or waits. */
    public synchronized boolean pending(Job job) {
        return job != null && (running == job || waiting == job);
    }

    /** The job being computed now, or null. */
    public Activity activity() {
        return activity.get();
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

    /** Spectral densities finished since the last call, oldest first. */
    public List<DensityReport> drainDensities() {
        var drained = new ArrayList<DensityReport>();
        densities.drainTo(drained);
        return drained;
    }

    /** Forgets finished results (after a rebuild). */
    public void clear() {
        latest.set(null);
        reports.clear();
        densities.clear();
        lastError.set(null);
    }

    /** Why the last computation failed, or null once one has succeeded since. */
    public String lastError() {
        return lastError.get();
    }

    @Override
    public void close() {
        synchronized (this) {
            shutDown = true;
            cancel();
        }
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
