// One line of memory figures for long runs (`soak`, the window's `--memory-report`): live heap, committed and
// resident heap, resident size, and the off-heap part before and after malloc_trim(0) where glibc has it (the
// trimmed figure is what the process still holds); a field says plainly when there is no malloc_trim.
package org.shiftscope.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.bytedeco.javacpp.Pointer;
import org.shiftscope.model.MallocTrim;
import org.shiftscope.model.io.Json;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;

final class MemoryReport {
    /** Time given to the deallocator threads between the two collections of a report. */
    private static final long SETTLE_MS = 1000;
    private static final double MB = 1e6;

    private MemoryReport() {
    }

    static String measure(long steps, double seconds) throws InterruptedException {
        return measure(steps, seconds, MallocTrim.host());
    }

    /**
     * RSS as the run left it; then the live heap: a collection, a pause in which ND4J's and JavaCPP's
     * deallocator threads free what it found (their bookkeeping objects stay reachable until then, tens of MB
     * that a single collection reports as live), and a second collection; then RSS and committed heap again.
     * Figures that cannot be had here (the heap's resident part off Linux, anything trimmed without
     * malloc_trim) are null.
     */
    static String measure(long steps, double seconds, MallocTrim trim) throws InterruptedException {
        long residentBefore = Pointer.physicalBytes();
        System.gc();
        Thread.sleep(SETTLE_MS);
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long resident = Pointer.physicalBytes();
        long heapResident = ProcessMemory.heapResidentBytes();
        var line = new LinkedHashMap<String, Object>();
        line.put("seconds", Math.round(seconds));
        line.put("steps", steps);
        line.put("heap_live_mb", mb(heap.getUsed()));
        line.put("heap_committed_mb", mb(heap.getCommitted()));
        line.put("heap_resident_mb", heapResident < 0 ? null : mb(heapResident));
        line.put("rss_mb", mb(residentBefore));
        line.put("rss_after_gc_mb", mb(resident));
        line.put("off_heap_mb", offHeap(resident, heapResident));
        Double trimmed = null;
        if (trim.available()) {
            trim.run();
            trimmed = offHeap(Pointer.physicalBytes(), ProcessMemory.heapResidentBytes());   // G1 may give heap pages back meanwhile
        }
        line.put("off_heap_trimmed_mb", trimmed);
        line.put("javacpp_tracked_mb", mb(Pointer.totalBytes()));
        line.put("malloc_trim", trim.describe());
        try {
            return Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of numbers and one string always serialises", e);
        }
    }

    private static double mb(long bytes) {
        return Math.round(bytes / MB * 10) / 10.0;
    }

    private static Double offHeap(long resident, long heapResident) {
        return heapResident < 0 ? null : mb(resident - heapResident);
    }
}
