// Returns the C heap's free pages to the operating system with glibc's malloc_trim(0): ND4J frees buffers
// with free(), but glibc keeps freed pages of its per-thread arenas resident, so a long run's resident size
// creeps up without a leak. Called through JNA; a no-op where the C library has no malloc_trim.
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
