// The window's `--memory-report SECONDS`: a daemon thread that prints a MemoryReport line to standard output
// at that interval, so a maintainer can soak the app itself under Xvfb for hours (README, "Long runs").
package org.shiftscope.app;

import java.util.function.LongSupplier;

final class MemoryReporter implements AutoCloseable {
    private final Thread thread;

    MemoryReporter(int seconds, LongSupplier steps) {
        long start = System.nanoTime();
        thread = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    System.out.println(MemoryReport.measure(steps.getAsLong(), (System.nanoTime() - start) / 1e9));
                    System.out.flush();
                    Thread.sleep(seconds * 1000L);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "memory-report");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
