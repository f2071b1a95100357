// The window view-model's file work as plain calls for tests: with a same-thread executor the work is done
// when the call returns, and a failure is thrown as the dialog would have shown it.
package org.shiftscope.ui.main;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

public final class SyncCalls {
    private SyncCalls() {
    }

    public static void exportMetrics(WindowViewModel vm, Path folder) throws IOException {
        var failure = new AtomicReference<Throwable>();
        vm.export().exportMetrics(folder, () -> { }, failure::set);
        rethrow(failure.get());
    }

    public static void saveSettings(WindowViewModel vm, Path file) throws IOException {
        var failure = new AtomicReference<Throwable>();
        vm.choices().saveSettings(file, () -> { }, failure::set);
        rethrow(failure.get());
    }

    public static void loadSettings(WindowViewModel vm, Path file) throws IOException {
        var failure = new AtomicReference<Throwable>();
        vm.choices().loadSettings(file, failure::set);
        rethrow(failure.get());
    }

    private static void rethrow(Throwable failure) throws IOException {
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure != null) {
            throw new IOException(failure.getMessage(), failure);
        }
    }
}
