// One line of memory figures for long runs (`soak`, the window's `--memory-report`): live heap, committed and
// resident heap, resident size, and the off-heap part before and after malloc_trim(0), since glibc keeps freed
// pages resident and only the trimmed figure is what the process still holds.
package org.shiftscope.app;

import org.bytedeco.javacpp.Pointer;
import org.shiftscope.model.MallocTrim;

import java.lang.management.ManagementFactory;
import java.util.Locale;

final class MemoryReport {
    /** Time given to the deallocator threads between the two collections of a report. */
    private static final long SETTLE_MS = 1000;
    private static final double MB = 1e6;

    private MemoryReport() {
    }

    /**
     * RSS as the run left it; then the live heap: a collection, a pause in which ND4J's and JavaCPP's
     * deallocator threads free what it found (their bookkeeping objects stay reachable until then, tens of MB
     * that a single collection reports as live), and a second collection; then RSS and committed heap again.
     */
    static String measure(long steps, double seconds) throws InterruptedException {
        long residentBefore = Pointer.physicalBytes();
        System.gc();
        Thread.sleep(SETTLE_MS);
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long resident = Pointer.physicalBytes();
        long heapResident = ProcessMemory.heapResidentBytes();
        MallocTrim.run();
        long trimmed = Pointer.physicalBytes();
        long heapResidentTrimmed = ProcessMemory.heapResidentBytes();       // G1 may give heap pages back meanwhile
        return String.format(Locale.ROOT, "{\"seconds\":%.0f,\"steps\":%d,\"heap_live_mb\":%.1f,\"heap_committed_mb\":%.1f,"
                        + "\"heap_resident_mb\":%.1f,\"rss_mb\":%.1f,\"rss_after_gc_mb\":%.1f,\"off_heap_mb\":%.1f,"
                        + "\"off_heap_trimmed_mb\":%.1f,\"javacpp_tracked_mb\":%.1f}",
                seconds, steps, heap.getUsed() / MB, heap.getCommitted() / MB, heapResident / MB, residentBefore / MB,
                resident / MB, offHeap(resident, heapResident), offHeap(trimmed, heapResidentTrimmed), Pointer.totalBytes() / MB);
    }

    private static double offHeap(long resident, long heapResident) {
        return heapResident < 0 ? Double.NaN : (resident - heapResident) / MB;
    }
}
