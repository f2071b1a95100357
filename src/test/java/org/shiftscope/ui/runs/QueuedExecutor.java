// A task executor for tests that holds the work until the test runs it, in any order, so what happens while
// a network is still being built (and when builds finish out of order) can be checked step by step.
package org.shiftscope.ui.runs;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

public final class QueuedExecutor implements TaskExecutor {
    private final List<Runnable> queued = new ArrayList<>();
    private final ReadOnlyStringWrapper busy = new ReadOnlyStringWrapper("");

    @Override
    public <T> void submit(String what, Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        queued.add(() -> TaskExecutor.sameThread().submit(what, work, done, failed));
    }

    /** Work given and not yet run. */
    public int waiting() {
        return queued.size();
    }

    /** Runs the work given {@code index}-th among those waiting (and anything it gives, later). */
    public void run(int index) {
        queued.remove(index).run();
    }

    /** Runs everything waiting, oldest first, until nothing is left. */
    public void runAll() {
        while (!queued.isEmpty()) {
            run(0);
        }
    }

    @Override
    public ReadOnlyStringProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    @Override
    public void close() {
    }
}
