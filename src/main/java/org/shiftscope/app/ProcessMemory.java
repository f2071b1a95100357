// How much of this process's resident memory is the Java heap, for the soak report: resident size minus that
// is the off-heap part (ND4J's buffers, malloc arenas, metaspace, thread stacks). Committed heap is not a
// substitute, since G1 commits regions it has not touched yet. Linux only (reads /proc/self/smaps).
package org.shiftscope.app;

import javax.management.JMException;
import javax.management.ObjectName;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

final class ProcessMemory {
    /** The reserved heap range as GC.heap_info prints it: "[0x0000000687400000, 0x0000000800000000)". */
    private static final Pattern HEAP_RANGE = Pattern.compile("\\[0x([0-9a-f]+), 0x([0-9a-f]+)\\)");
    private static final Pattern MAPPING = Pattern.compile("^([0-9a-f]+)-([0-9a-f]+) .*");

    private ProcessMemory() {
    }

    /** Resident bytes of the mappings inside the Java heap's reserved range, or -1 if it cannot be read. */
    static long heapResidentBytes() {
        try {
            String info = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcHeapInfo",
                    new Object[]{null}, new String[]{String[].class.getName()});
            var range = HEAP_RANGE.matcher(info);
            if (!range.find()) {
                return -1;
            }
            return residentIn(Files.readAllLines(Path.of("/proc/self/smaps")),
                    Long.parseUnsignedLong(range.group(1), 16), Long.parseUnsignedLong(range.group(2), 16));
        } catch (IOException | JMException | RuntimeException e) {
            return -1;
        }
    }

    /** Sums the "Rss:" lines of the smaps entries lying within [from, to). */
    static long residentIn(List<String> smaps, long from, long to) {
        long total = 0;
        boolean inside = false;
        for (String line : smaps) {
            var mapping = MAPPING.matcher(line);
            if (mapping.matches()) {
                inside = Long.parseUnsignedLong(mapping.group(1), 16) >= from
                        && Long.parseUnsignedLong(mapping.group(2), 16) <= to;
            } else if (inside && line.startsWith("Rss:")) {
                total += Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return total;
    }
}
