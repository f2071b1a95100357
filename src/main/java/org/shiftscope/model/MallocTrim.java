// Returns the C heap's free pages to the operating system: glibc's malloc_trim(0) (glibc ≥ 2.8 releases free
// pages inside every arena, not only at the top). ND4J frees its buffers with free(), but glibc keeps freed
// pages of its per-thread arenas resident, so the resident size of a long run creeps up although nothing
// leaks: in a 42-minute app run, one malloc_trim(0) took the resident size from 1,216 MB to 940 MB (issue 8
// note). Called through JNA; where the C library has no malloc_trim (not glibc) it does nothing.
package org.shiftscope.model;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;

public final class MallocTrim {
    private static final Function TRIM = lookUp();

    private MallocTrim() {
    }

    private static Function lookUp() {
        try {
            return NativeLibrary.getInstance("c").getFunction("malloc_trim");
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null;
        }
    }

    /** Whether this C library has malloc_trim. */
    public static boolean available() {
        return TRIM != null;
    }

    /** Releases free C-heap pages; a no-op where malloc_trim is missing. */
    public static void run() {
        if (TRIM != null) {
            TRIM.invokeInt(new Object[]{0});
        }
    }
}
