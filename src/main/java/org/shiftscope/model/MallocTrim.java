// Returns the C heap's free pages to the operating system with glibc's malloc_trim(0): ND4J frees buffers
// with free(), but glibc keeps freed pages of its per-thread arenas resident, so a long run's resident size
// creeps up without a leak. Absent off glibc (musl, macOS, Windows), where collections alone bound memory.
package org.shiftscope.model;

import java.util.function.Supplier;

public final class MallocTrim {
    private static final class Host {
        private static final MallocTrim INSTANCE = of(HostPlatform.current(), () -> Glibc.mallocTrim());
    }

    /** malloc_trim(0), or null where absent. */
    private final Runnable trim;
    private final HostPlatform platform;

    private MallocTrim(Runnable trim, HostPlatform platform) {
        this.trim = trim;
        this.platform = platform;
    }

    /** This JVM's malloc_trim. */
    public static MallocTrim host() {
        return Host.INSTANCE;
    }

    /** @param glibcTrim finds malloc_trim (or returns null); asked only where {@code platform} has glibc */
    public static MallocTrim of(HostPlatform platform, Supplier<Runnable> glibcTrim) {
        return new MallocTrim(platform.glibc() ? glibcTrim.get() : null, platform);
    }

    /** Whether malloc_trim can run here. */
    public boolean available() {
        return trim != null;
    }

    /** Releases free C-heap pages; call only where {@link #available()}. */
    public void run() {
        trim.run();
    }

    /** One plain sentence: whether freed C-heap pages are handed back, and if not why. */
    public String describe() {
        if (available()) {
            return "malloc_trim(0) hands freed C-heap pages back after each collection (glibc)";
        }
        String why = platform.glibc() ? "this glibc has no malloc_trim" : "the C library here is not glibc ("
                + platform.nd4jName() + ")";
        return "no malloc_trim: " + why + "; memory is bounded by garbage collections alone";
    }
}
