// The threads that share the Hessian's work with the thread that asked for it: one fewer than the cores,
// created once and kept, so that each keeps its ND4J workspace (an arena learnt on the first pass) instead
// of allocating native memory anew for every computation. Daemon threads: they never hold the JVM open.
package org.shiftscope.model.hessian;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

final class HessianWorkers {
    /** Threads a computation can use at most: the caller and the workers. */
    static final int MAX_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(Math.max(1, MAX_THREADS - 1), runnable -> {
        var thread = new Thread(runnable, "shiftscope-hessian-worker-" + NAMES.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private HessianWorkers() {
    }

    /**
     * Applies {@code task} to every item, the first on the calling thread and the others on the workers, and
     * returns the results in order; a failure in any is rethrown here once all have finished.
     */
    static <S, T> List<T> map(List<S> items, Function<S, T> task) {
        if (items.size() == 1) {
            return List.of(task.apply(items.get(0)));
        }
        var futures = new ArrayList<Future<T>>();
        for (int i = 1; i < items.size(); i++) {
            S item = items.get(i);
            futures.add(POOL.submit(() -> task.apply(item)));
        }
        var results = new ArrayList<T>();
        Throwable failure = null;
        try {
            results.add(task.apply(items.get(0)));
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        boolean interrupted = false;
        for (var future : futures) {
            while (true) {
                try {
                    results.add(future.get());
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;         // wait for the worker anyway: it is using this computation's arrays
                } catch (ExecutionException e) {
                    failure = failure == null ? e.getCause() : failure;
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        return results;
    }
}
