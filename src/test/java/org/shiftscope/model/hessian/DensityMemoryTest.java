// The spectral density's memory check: P probes each keep m basis vectors of the dimension, so a request that
// cannot fit is refused before any product, with the figures and what to change.
package org.shiftscope.model.hessian;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DensityMemoryTest {
    static final long PARAMETERS = 100_000;

    @Test
    void theEstimateCountsEveryProbesBasisAndItsTwoWorkingVectors() {
        int probes = 3;
        int steps = 80;
        long vectors = probes * (steps + 2) + 4;
        assertEquals(vectors * PARAMETERS * Double.BYTES, DensityMemory.estimateBytes(PARAMETERS, probes, steps));
    }

    @Test
    void aRequestBeyondTheHeapIsRefusedWithWhatToChange() {
        var e = assertThrows(HessianMemory.TooLargeException.class,
                () -> DensityMemory.requireFits(Runtime.getRuntime().maxMemory(), 1, 80));
        assertTrue(e.getMessage().contains("use fewer probes or steps"), e.getMessage());
        DensityMemory.requireFits(PARAMETERS, DensityAnalysis.DEFAULT_PROBES, DensityAnalysis.DEFAULT_STEPS);
    }
}
