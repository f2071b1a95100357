// `reproduce yang`'s experiment on a small network: each seed's batch is distinct rows of the training split,
// every variant gets a finite norm per layer, and the same seeds give the same numbers.
package org.shiftscope.model.reproduce.yang;

import org.junit.jupiter.api.Test;
import org.shiftscope.model.data.Dataset;
import org.shiftscope.model.data.Examples;
import org.shiftscope.model.data.SyntheticData;

import java.util.ArrayList;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YangExperimentTest {
    static final YangSettings SMALL = new YangSettings(YangSettings.MIN_DEPTH, 16, 32, 2, 3);
    static final long DATA_SEED = 1;

    @Test
    void sampledRowsAreDistinctAndInRange() {
        int count = 100;
        int[] rows = YangExperiment.sampleRows(count, 60, 5);
        assertEquals(60, Arrays.stream(rows).distinct().count());
        assertTrue(Arrays.stream(rows).allMatch(r -> r >= 0 && r < count));
    }

    @Test
    void everyVariantHasAFiniteNormPerLayerAndTheSameSeedsRepeatThem() throws Exception {
        var data = SyntheticData.generate(DATA_SEED);
        var lines = new ArrayList<String>();
        var first = YangExperiment.run(data, SMALL, lines::add);
        var second = YangExperiment.run(data, SMALL, line -> { });
        assertEquals(SMALL.seeds(), lines.size());
        assertEquals(Variant.values().length, first.variants().size());
        for (VariantResult v : first.variants()) {
            assertEquals(SMALL.depth() + 1, v.meanLog().length);
            assertTrue(Arrays.stream(v.meanLog()).allMatch(Double::isFinite), v.variant().title());
            assertTrue(Double.isFinite(v.fit().factorPerLayerBack()), v.variant().title());
            assertArrayEquals(v.meanLog(), second.of(v.variant()).meanLog(), 0.0, "same seeds, same norms");
        }
    }

    @Test
    void aBatchLargerThanTheTrainingSplitIsRefused() {
        int rows = 10;
        int inputs = 4;
        var examples = new Examples(new float[rows * inputs], new int[rows], rows, inputs);
        var data = new Dataset("ten rows", inputs, 2, examples, examples);
        var tooLarge = new YangSettings(YangSettings.MIN_DEPTH, 16, rows + 1, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> YangExperiment.run(data, tooLarge, line -> { }));
    }
}
