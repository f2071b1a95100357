// Runs long work (loading a dataset, building networks, writing logs and files) away from the FX thread and
// hands the outcome back on it, in the order the work was given. Tests use sameThread(), which does it all at once.
package org.shiftscope.ui.runs;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

public interface TaskExecutor extends AutoCloseable {
    /**
     * Runs {@code work}, then {@code done} with its result or {@code failed} with what it threw, both on the
     * calling (FX) thread. A non-null {@code what} ("Building depth 20 × width 1024") is shown while it runs.
     */
    <T> void submit(String what, Callable<T> work, Consumer<T> done, Consumer<Throwable> failed);

    /** What long work is under way, or "" when none. */
    ReadOnlyStringProperty busyProperty();

    @Override
    void close();

    /** Does the work on the calling thread at once: the order tests can follow step by step. */
    static TaskExecutor sameThread() {
        var busy = new ReadOnlyStringWrapper("");
        return new TaskExecutor() {
            @Override
            public <T> void submit(String what, Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
                T result;
                try {
                    result = work.call();
                } catch (Exception | Error e) {
                    failed.accept(e);
                    return;
                }
                done.accept(result);
            }

            @Override
            public ReadOnlyStringProperty busyProperty() {
                return busy.getReadOnlyProperty();
            }

            @Override
            public void close() {
            }
        };
    }
}
