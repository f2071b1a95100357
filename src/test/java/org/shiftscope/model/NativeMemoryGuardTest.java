// The native-memory guard against a simulated process whose buffers are freed only after System.gc() has
// returned (as ND4J's and JavaCPP's deallocator threads do): over a million steps the resident size must stay
// within one growth limit of its level after a collection, not climb by a limit per collection; after each
// collection the freed C-heap pages are trimmed once.
package org.shiftscope.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void residentSizeStaysWithinOneLimitOfItsLevelAfterCollectionOverAMillionSteps() {
        var process = new SimulatedProcess();
        var trims = new int[1];
        var guard = new NativeMemoryGuard(() -> process.resident, () -> process.freePending = true, () -> trims[0]++,
                LIMIT, CHECK_EVERY);
        for (int i = 0; i < STEPS; i++) {
            process.step();
            guard.check();
        }
        long bound = FLOOR + LIMIT + 2 * CHECK_EVERY * GROWTH_PER_STEP;
        assertTrue(process.peak <= bound, "peak resident " + process.peak / MB + " MB, bound " + bound / MB + " MB");
        long expectedCollections = STEPS * GROWTH_PER_STEP / (LIMIT + 2 * CHECK_EVERY * GROWTH_PER_STEP);
        assertTrue(guard.collections() >= expectedCollections, "collections: " + guard.collections());
        assertTrue(trims[0] == guard.collections() || trims[0] == guard.collections() - 1,
                "one trim after each collection: " + trims[0] + " trims, " + guard.collections() + " collections");
    }

    @Test
    void theCLibraryHasMallocTrimAndItRuns() {
        assertTrue(MallocTrim.available(), "glibc's malloc_trim, found through JNA");
        MallocTrim.run();
    }
}
