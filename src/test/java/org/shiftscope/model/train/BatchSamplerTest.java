// The data order: reproducible from the seed, and every epoch visits each example at most once.
package org.shiftscope.model.train;

import org.junit.jupiter.api.Test;

import java.util.HashSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BatchSamplerTest {
    static final int COUNT = 100;
    static final int BATCH = 30;

    @Test
    void sameSeedGivesSameBatchesAndEpochsDoNotRepeatExamples() {
        var a = new BatchSampler(COUNT, BATCH, 5);
        var b = new BatchSampler(COUNT, BATCH, 5);
        var seen = new HashSet<Integer>();
        for (int i = 0; i < COUNT / BATCH; i++) {
            int[] batch = a.next();
            assertArrayEquals(batch, b.next());
            for (int index : batch) {
                assertFalse(!seen.add(index), "example " + index + " twice in one epoch");
            }
        }
        assertEquals(COUNT / BATCH * BATCH, seen.size());
        assertFalse(java.util.Arrays.equals(new BatchSampler(COUNT, BATCH, 6).next(), new BatchSampler(COUNT, BATCH, 5).next()));
    }

    @Test
    void batchLargerThanTheDataIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BatchSampler(10, 11, 1));
    }
}
