// Tests the synthetic blobs: the promised shape and class balance, full determinism from the seed,
// and the deliberate non-zero mean of the inputs.
package org.shiftscope.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SyntheticDataTest {
    private static final long SEED = 42;
    private static final long OTHER_SEED = 43;
    private static final int CLASSES = 10;
    private static final int INPUTS = 64;
    private static final int TRAIN_COUNT = 5_000;
    private static final int TEST_COUNT = 1_000;
    /** how far the mean of all training features may stray from the offset (centres and noise average out) */
    private static final double MEAN_TOLERANCE = 0.2;

    @Test
    void hasThePromisedShapeAndName() {
        var dataset = SyntheticData.generate(SEED);

        assertEquals(SyntheticData.NAME, dataset.name());
        assertEquals(INPUTS, dataset.inputs());
        assertEquals(CLASSES, dataset.classes());
        assertEquals(TRAIN_COUNT, dataset.train().count());
        assertEquals(TEST_COUNT, dataset.test().count());
    }

    @Test
    void bothSplitsAreClassBalanced() {
        var dataset = SyntheticData.generate(SEED);

        assertBalanced(dataset.train());
        assertBalanced(dataset.test());
    }

    @Test
    void sameSeedGivesTheSameData() {
        var first = SyntheticData.generate(SEED);
        var second = SyntheticData.generate(SEED);

        assertArrayEquals(first.train().features(), second.train().features());
        assertArrayEquals(first.train().labels(), second.train().labels());
        assertArrayEquals(first.test().features(), second.test().features());
        assertArrayEquals(first.test().labels(), second.test().labels());
    }

    @Test
    void anotherSeedGivesOtherData() {
        var first = SyntheticData.generate(SEED);
        var other = SyntheticData.generate(OTHER_SEED);

        assertFalse(Arrays.equals(first.train().features(), other.train().features()));
        assertFalse(Arrays.equals(first.test().features(), other.test().features()));
    }

    @Test
    void inputsAreDeliberatelyNotCentred() {
        var features = SyntheticData.generate(SEED).train().features();
        double sum = 0;
        for (float feature : features) {
            sum += feature;
        }

        assertEquals(SyntheticData.COMMON_OFFSET, sum / features.length, MEAN_TOLERANCE);
    }

    private static void assertBalanced(Examples examples) {
        var counts = new int[CLASSES];
        for (int label : examples.labels()) {
            counts[label]++;
        }
        var expected = new int[CLASSES];
        Arrays.fill(expected, examples.count() / CLASSES);
        assertArrayEquals(expected, counts);
    }
}
