// glibc's own functions, found through JNA. Touched on Linux only: JNA 4.3.0 has no native for every platform
// ShiftScope runs on (none for darwin-aarch64), and only glibc has malloc_trim. musl has neither function.
package org.shiftscope.model;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;

final class Glibc {
    private Glibc() {
    }

    /** Whether the C library is glibc: it alone has gnu_get_libc_version. */
    static boolean present() {
        return function("gnu_get_libc_version") != null;
    }

    /** malloc_trim(0) as a Runnable, or null where the C library has none. */
    static Runnable mallocTrim() {
        Function trim = function("malloc_trim");
        return trim == null ? null : () -> trim.invokeInt(new Object[]{0});
    }

    private static Function function(String name) {
        try {
            return NativeLibrary.getInstance("c").getFunction(name);
        } catch (LinkageError | RuntimeException e) {
            return null;                    // no such function, or JNA's native cannot load here
        }
    }
}
