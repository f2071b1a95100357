// Keeps native memory flat over long runs: ND4J frees native buffers only once a collection finds their owners
// unreachable, and training makes little garbage, so a collection (then MallocTrim, where glibc has it) is asked
// for whenever the resident size has grown by a set amount over its level measured after the last one.
package org.shiftscope.model;

import org.bytedeco.javacpp.Pointer;

import java.util.function.LongSupplier;

public final class NativeMemoryGuard {
    /** Growth of the resident size over its level after the last collection that triggers the next one. */
    public static final long GROWTH_LIMIT_BYTES = 256L << 20;
    /** Calls between two looks at the resident size (a /proc read on Linux, a system call elsewhere). */
    private static final int CHECK_EVERY = 20;

    private final LongSupplier residentBytes;
    private final Runnable collect;
    private final MallocTrim trim;
    private final long growthLimit;
    private final int checkEvery;
    private long baseline = -1;
    private int calls;
    private int collections;

    public NativeMemoryGuard() {
        this(Pointer::physicalBytes, System::gc, MallocTrim.host(), GROWTH_LIMIT_BYTES, CHECK_EVERY);
    }

    /**
     * Looking at the resident size every {@code checkEvery} calls: 1 where each call allocates hundreds of
     * megabytes (a convnet's Hessian pass), so that twenty of them cannot pile up before a collection.
     */
    public NativeMemoryGuard(int checkEvery) {
        this(Pointer::physicalBytes, System::gc, MallocTrim.host(), GROWTH_LIMIT_BYTES, checkEvery);
    }

    /** For tests: a resident size, a collection and a trim (or its absence) to simulate. */
    NativeMemoryGuard(LongSupplier residentBytes, Runnable collect, MallocTrim trim, long growthLimit, int checkEvery) {
        this.residentBytes = residentBytes;
        this.collect = collect;
        this.trim = trim;
        this.growthLimit = growthLimit;
        this.checkEvery = checkEvery;
    }

    /** Call once per training step or Hessian-vector product. */
    public void check() {
        if (++calls % checkEvery != 0) {
            return;
        }
        if (baseline < 0) {
            if (collections > 0 && trim.available()) {
                trim.run();                 // the collection's buffers are freed by now; hand their pages back
            }
            baseline = residentBytes.getAsLong();   // the first look, or the first after a collection took effect
            return;
        }
        long resident = residentBytes.getAsLong();
        if (resident - baseline > growthLimit) {
            collect.run();
            collections++;
            baseline = -1;
        }
    }

    /** Collections this guard has requested. */
    public int collections() {
        return collections;
    }
}
