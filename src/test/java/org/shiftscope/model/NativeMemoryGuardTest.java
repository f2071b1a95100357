// The native-memory guard against a simulated process whose buffers are freed only after System.gc() has
// returned (as ND4J's and JavaCPP's deallocator threads do): over a million steps the resident size must stay
// within one growth limit of its level after a collection, not climb by a limit per collection; after each
// collection the freed C-heap pages are trimmed once where glibc has malloc_trim, and never elsewhere.
package org.shiftscope.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class NativeMemoryGuardTest {
    static final long MB = 1L << 20;
    static final long FLOOR = 300 * MB;
    static final long LIMIT = 256 * MB;
    static final long GROWTH_PER_STEP = MB / 2;
    static final int CHECK_EVERY = 20;
    static final int STEPS = 1_000_000;

    /** Grows by a fixed amount per step; what a collection found is freed during the following step. */
    private static final class SimulatedProcess {
        long resident = FLOOR;
        long peak = FLOOR;
        boolean freePending;

        void step() {
            if (freePending) {
                resident = FLOOR;
                freePending = false;
            }
            resident += GROWTH_PER_STEP;
            peak = Math.max(peak, resident);
        }
    }

    static final HostPlatform LINUX_GLIBC = new HostPlatform(HostPlatform.Family.LINUX, "x86_64", true);

    /** Runs the guard over a million simulated steps; returns the trims it asked for. */
    private static int run(NativeMemoryGuard guard, SimulatedProcess process) {
        for (int i = 0; i < STEPS; i++) {
            process.step();
            guard.check();
        }
        long bound = FLOOR + LIMIT + 2 * CHECK_EVERY * GROWTH_PER_STEP;
        assertTrue(process.peak <= bound, "peak resident " + process.peak / MB + " MB, bound " + bound / MB + " MB");
        long expectedCollections = STEPS * GROWTH_PER_STEP / (LIMIT + 2 * CHECK_EVERY * GROWTH_PER_STEP);
        assertTrue(guard.collections() >= expectedCollections, "collections: " + guard.collections());
        return guard.collections();
    }

    @Test
    void residentSizeStaysWithinOneLimitOfItsLevelAfterCollectionOverAMillionSteps() {
        var process = new SimulatedProcess();
        var trims = new int[1];
        var trim = MallocTrim.of(LINUX_GLIBC, () -> () -> trims[0]++);
        var guard = new NativeMemoryGuard(() -> process.resident, () -> process.freePending = true, trim, LIMIT, CHECK_EVERY);
        int collections = run(guard, process);
        assertTrue(trims[0] == collections || trims[0] == collections - 1,
                "one trim after each collection: " + trims[0] + " trims, " + collections + " collections");
    }

    @Test
    void withoutGlibcCollectionsAloneBoundMemoryAndTrimIsNeverCalled() {
        var platforms = List.of(new HostPlatform(HostPlatform.Family.MACOS, "arm64", false),
                new HostPlatform(HostPlatform.Family.WINDOWS, "x86_64", false),
                new HostPlatform(HostPlatform.Family.LINUX, "x86_64", false));       // musl
        for (HostPlatform platform : platforms) {
            var process = new SimulatedProcess();
            var lookUps = new int[1];
            var trim = MallocTrim.of(platform, () -> {
                lookUps[0]++;
                return () -> fail("malloc_trim called on " + platform);
            });
            assertFalse(trim.available());
            assertEquals(0, lookUps[0], "malloc_trim not even looked for on " + platform);
            run(new NativeMemoryGuard(() -> process.resident, () -> process.freePending = true, trim, LIMIT, CHECK_EVERY),
                    process);
            assertTrue(trim.describe().startsWith("no malloc_trim: the C library here is not glibc (" + platform.nd4jName()),
                    trim.describe());
        }
    }

    @Test
    void aGlibcWithoutMallocTrimIsSaidSo() {
        var trim = MallocTrim.of(LINUX_GLIBC, () -> null);
        assertFalse(trim.available());
        assertEquals("no malloc_trim: this glibc has no malloc_trim; memory is bounded by garbage collections alone",
                trim.describe());
    }

    @Test
    void theCLibraryHereHasMallocTrimAndItRuns() {
        assertTrue(MallocTrim.host().available(), "glibc's malloc_trim, found through JNA");
        MallocTrim.host().run();
    }
}
