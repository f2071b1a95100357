// The memory report of `soak` and `--memory-report`, and its split of resident memory: only the smaps entries inside the heap's range are counted.
package org.shiftscope.app;

import org.junit.jupiter.api.Test;
import org.shiftscope.model.HostPlatform;
import org.shiftscope.model.MallocTrim;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessMemoryTest {
    @Test
    void sumsTheResidentPagesOfTheMappingsInsideTheRange() {
        var smaps = List.of(
                "687400000-6a0000000 rw-p 00000000 00:00 0",
                "Size:             405504 kB",
                "Rss:              400000 kB",
                "6a0000000-800000000 ---p 00000000 00:00 0",
                "Rss:                   0 kB",
                "7f93d0000000-7f93d5e1d000 rw-p 00000000 00:00 0",
                "Rss:               88760 kB");
        assertEquals(400000L * 1024, ProcessMemory.residentIn(smaps, 0x687400000L, 0x800000000L));
    }

    @Test
    void aMemoryReportIsOneJsonLineWithPositiveFigures() throws Exception {
        String report = MemoryReport.measure(12, 3.4);
        assertEquals(1, report.lines().count(), report);
        var line = new com.fasterxml.jackson.databind.ObjectMapper().readTree(report);
        assertEquals(12, line.get("steps").asLong());
        for (String field : List.of("heap_live_mb", "heap_committed_mb", "rss_mb", "rss_after_gc_mb", "off_heap_mb", "off_heap_trimmed_mb")) {
            assertTrue(line.get(field).asDouble() > 0, field + " in " + line);
        }
        assertTrue(line.get("heap_live_mb").asDouble() <= line.get("heap_committed_mb").asDouble(), line.toString());
        assertTrue(line.get("malloc_trim").asText().startsWith("malloc_trim(0) hands freed"), line.toString());
    }

    @Test
    void withoutMallocTrimTheReportSaysSoAndHasNoTrimmedFigure() throws Exception {
        var mac = new HostPlatform(HostPlatform.Family.MACOS, "arm64", false);
        var trim = MallocTrim.of(mac, () -> () -> {
            throw new AssertionError("malloc_trim called without glibc");
        });
        var line = new com.fasterxml.jackson.databind.ObjectMapper().readTree(MemoryReport.measure(3, 1.0, trim));
        assertTrue(line.get("off_heap_trimmed_mb").isNull(), line.toString());
        assertTrue(line.get("off_heap_mb").asDouble() > 0, line.toString());
        assertEquals("no malloc_trim: the C library here is not glibc (macosx-arm64); memory is bounded by garbage "
                + "collections alone", line.get("malloc_trim").asText());
    }

    @Test
    void readsThisProcesssHeap() {
        long heap = ProcessMemory.heapResidentBytes();
        assertTrue(heap > 0 && heap <= Runtime.getRuntime().totalMemory(), "heap resident bytes: " + heap);
    }
}
