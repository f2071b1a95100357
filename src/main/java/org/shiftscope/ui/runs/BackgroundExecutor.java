// The window's task executor: one worker thread, so work runs in the order it was given (a log's rows before
// its export), and each outcome is handed back with Platform.runLater. busy names the labelled work under way.
package org.shiftscope.ui.runs;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

public final class BackgroundExecutor implements TaskExecutor {
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "shiftscope-tasks");
        thread.setDaemon(true);
        return thread;
    });
    private final ReadOnlyStringWrapper busy = new ReadOnlyStringWrapper("");
    /** Labels of the labelled work given and not yet handed back, oldest first (FX thread only). */
    private final Deque<String> pending = new ArrayDeque<>();

    @Override
    public <T> void submit(String what, Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        if (what != null) {
            pending.addLast(what);
            showBusy();
        }
        try {
            worker.execute(() -> {
                Runnable outcome;
                try {
                    T result = work.call();
                    outcome = () -> done.accept(result);
                } catch (Throwable e) {            // an Error too (a native library that will not load): said, not lost
                    outcome = () -> failed.accept(e);
                }
                Runnable handBack = outcome;
                Platform.runLater(() -> {
                    if (what != null) {
                        pending.removeFirstOccurrence(what);
                        showBusy();
                    }
                    handBack.run();
                });
            });
        } catch (RejectedExecutionException e) {
            pending.removeLastOccurrence(what);
            showBusy();
            failed.accept(new IllegalStateException("the window is closing"));
        }
    }

    /** The labelled work that runs now (the oldest not handed back), or "". */
    private void showBusy() {
        busy.set(pending.isEmpty() ? "" : pending.peekFirst());
    }

    @Override
    public ReadOnlyStringProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Lets queued work finish (a log's last rows) but takes no more. */
    @Override
    public void close() {
        worker.shutdown();
    }
}
