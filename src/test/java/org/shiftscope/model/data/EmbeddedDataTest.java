// Tests the embedded Fashion-MNIST subset: its four resources are on the classpath and load as a class-balanced
// 10,000 + 2,000 image dataset of 28×28 pixels in [0, 1].
package org.shiftscope.model.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedDataTest {
    private static final int TRAIN_PER_CLASS = 1_000;
    private static final int TEST_PER_CLASS = 200;
    private static final int CLASSES = 10;
    private static final int IMAGE_SIDE = 28;

    private static Dataset dataset;

    @BeforeAll
    static void loadOnce() throws InvalidDataException {
        dataset = EmbeddedData.fashionMnist();
    }

    @Test
    void allFourResourcesAreOnTheClasspath() {
        for (var file : MnistFile.values()) {
            var resource = EmbeddedData.resource(file);
            assertNotNull(EmbeddedData.class.getResource(resource), resource);
        }
    }

    @Test
    void isNamedAndShapedLikeFashionMnist() {
        assertEquals(EmbeddedData.FASHION_MNIST, dataset.name());
        assertEquals(IMAGE_SIDE * IMAGE_SIDE, dataset.inputs());
        assertEquals(CLASSES, dataset.classes());
        assertEquals(CLASSES * TRAIN_PER_CLASS, dataset.train().count());
        assertEquals(CLASSES * TEST_PER_CLASS, dataset.test().count());
    }

    @Test
    void everyClassHasExactlyItsShare() {
        assertClassCounts(dataset.train(), TRAIN_PER_CLASS);
        assertClassCounts(dataset.test(), TEST_PER_CLASS);
    }

    @Test
    void pixelsLieInTheUnitIntervalAndSpanIt() {
        for (var examples : new Examples[] {dataset.train(), dataset.test()}) {
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            for (float pixel : examples.features()) {
                min = Math.min(min, pixel);
                max = Math.max(max, pixel);
            }
            assertEquals(0f, min);
            assertEquals(1f, max);
        }
    }

    private static void assertClassCounts(Examples examples, int perClass) {
        var counts = new int[CLASSES];
        for (int label : examples.labels()) {
            counts[label]++;
        }
        for (int label = 0; label < CLASSES; label++) {
            assertEquals(perClass, counts[label], "examples of class " + label);
        }
    }
}
