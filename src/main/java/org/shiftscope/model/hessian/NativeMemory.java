// How much native (off-heap) memory ND4J may still allocate: JavaCPP's limit on the process's resident size
// (maxPhysicalBytes, which it enforces with an OutOfMemoryError) less what is resident now, and at most the
// machine's memory less that.
package org.shiftscope.model.hessian;

import org.bytedeco.javacpp.Pointer;

import java.lang.management.ManagementFactory;

final class NativeMemory {
    private NativeMemory() {
    }

    static long available() {
        long resident = Pointer.physicalBytes();
        long limit = Pointer.maxPhysicalBytes();
        long byLimit = limit > 0 ? limit - resident : Long.MAX_VALUE;
        long free = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() - resident : Long.MAX_VALUE;
        return Math.max(0, Math.min(byLimit, free));
    }
}
