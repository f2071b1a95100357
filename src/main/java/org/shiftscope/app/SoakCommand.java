// `shiftscope soak`: trains the classroom network headless for a long time (Hessian included) and prints a
// memory line at fixed intervals, so a maintainer can check that heap and native memory stay flat.
package org.shiftscope.app;

import org.bytedeco.javacpp.Pointer;
import org.shiftscope.model.data.DatasetSource;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.train.HessianSettings;
import org.shiftscope.model.train.TrainingConfig;
import org.shiftscope.model.train.TrainingSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Train for a long time and print memory at intervals: live heap after GC, committed heap, resident size "
                + "before and after the collection, and the off-heap part (resident size minus the heap's resident pages).")
public final class SoakCommand implements Callable<Integer> {
    /** Time given to the deallocator threads between the two collections of a report. */
    private static final long SETTLE_MS = 1000;
    private static final double MB = 1e6;

    @Option(names = "--minutes", defaultValue = "120", description = "How long to run. Default: ${DEFAULT-VALUE}.")
    private double minutes;
    @Option(names = "--report-every", defaultValue = "60", description = "Seconds between memory lines. Default: ${DEFAULT-VALUE}.")
    private int reportEvery;
    @Option(names = "--bn", defaultValue = "on", description = "off, on or frozen. Default: ${DEFAULT-VALUE}.")
    private BnMode bn;
    @Option(names = "--hessian-every", defaultValue = "500", description = "Steps between Hessian computations. Default: ${DEFAULT-VALUE}.")
    private int hessianEvery;

    @Override
    public Integer call() throws Exception {
        var base = TrainingConfig.classroomDefault();
        var config = new TrainingConfig(base.dataset(), base.depth(), base.width(), base.activation(), base.init(),
                base.centerInputs(), base.batchSize(), base.steps(), base.seed(), base.evalEvery(), base.trackedUnit(),
                base.optimizer().withBnMode(bn), new HessianSettings(hessianEvery, 10, 512, 0));
        var dataset = DatasetSource.load(config.dataset(), config.seed());
        var session = new TrainingSession(config, dataset);
        long start = System.nanoTime();
        long end = start + (long) (minutes * 60e9);
        long nextReport = start;
        while (System.nanoTime() < end) {
            if (System.nanoTime() >= nextReport) {
                report(session.stepsTaken(), (System.nanoTime() - start) / 1e9);
                nextReport += reportEvery * 1_000_000_000L;
            }
            if (session.diverged()) {
                session = new TrainingSession(config, dataset);     // keep going: a soak measures memory, not learning
            }
            var record = session.step();
            if (hessianEvery > 0 && record.step() % hessianEvery == 0 && !record.diverged()) {
                session.analyseHessian(0, () -> false);
            }
        }
        report(session.stepsTaken(), (System.nanoTime() - start) / 1e9);
        return 0;
    }

    /**
     * RSS as training left it; then the live heap: a collection, a pause in which ND4J's and JavaCPP's
     * deallocator threads free what it found (their bookkeeping objects stay reachable until then, tens of MB
     * that a single collection reports as live), and a second collection; then RSS and committed heap again.
     */
    private static void report(long steps, double seconds) throws InterruptedException {
        long residentBefore = Pointer.physicalBytes();
        System.gc();
        Thread.sleep(SETTLE_MS);
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long resident = Pointer.physicalBytes();
        long heapResident = ProcessMemory.heapResidentBytes();
        System.out.printf(Locale.ROOT, "{\"seconds\":%.0f,\"steps\":%d,\"heap_live_mb\":%.1f,\"heap_committed_mb\":%.1f,"
                        + "\"heap_resident_mb\":%.1f,\"rss_mb\":%.1f,\"rss_after_gc_mb\":%.1f,\"off_heap_mb\":%.1f,"
                        + "\"javacpp_tracked_mb\":%.1f}%n",
                seconds, steps, heap.getUsed() / MB, heap.getCommitted() / MB, heapResident / MB, residentBefore / MB,
                resident / MB, heapResident < 0 ? Double.NaN : (resident - heapResident) / MB, Pointer.totalBytes() / MB);
        System.out.flush();
    }
}
