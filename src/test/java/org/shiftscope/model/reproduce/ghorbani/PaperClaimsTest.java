// The verdict sentences of the paper's claims, and the settings' refusal of checkpoints that are not ascending.
package org.shiftscope.model.reproduce.ghorbani;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PaperClaimsTest {
    @Test
    void aVerdictNamesTheCheckpointsWhereTheClaimHeldAndFailed() {
        assertEquals("holds at every checkpoint (steps 0, 100)",
                new PaperClaims.Claim("c", List.of(0L, 100L), List.of()).verdict());
        assertEquals("holds at steps 100, 400; not at step 0",
                new PaperClaims.Claim("c", List.of(100L, 400L), List.of(0L)).verdict());
        assertEquals("does not hold at any checkpoint (step 1000)",
                new PaperClaims.Claim("c", List.of(), List.of(1000L)).verdict());
        assertEquals("not tested: no checkpoint measured both nets", new PaperClaims.Claim("c", List.of(), List.of()).verdict());
    }

    @Test
    void checkpointsMustBeDistinctAscendingAndNotNegative() {
        var defaults = GhorbaniSettings.defaults();
        for (var steps : List.of(List.of(100, 0), List.of(0, 0), List.of(-1, 10), List.<Integer>of())) {
            assertThrows(IllegalArgumentException.class, () -> new GhorbaniSettings(defaults.dataset(), 2, 16, steps,
                    0.1, 32, 1, 128, defaults.density(), true), steps.toString());
        }
    }
}
