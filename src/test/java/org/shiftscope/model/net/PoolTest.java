// Pooling computes what PyTorch's MaxPool2d(2) and AdaptiveAvgPool2d(1) compute on channel-major rows, checked
// against direct sums; a max-pooling side must be even.
package org.shiftscope.model.net;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PoolTest {
    static final double TOLERANCE = 1e-12;
    /** One example, two channels of 4×4: channel 0 counts 0…15, channel 1 is its negative. */
    static final double[] IMAGE = new double[32];

    static {
        for (int p = 0; p < 16; p++) {
            IMAGE[p] = p;
            IMAGE[16 + p] = -p;
        }
    }

    @Test
    void maxPoolingKeepsEachWindowsLargest() {
        var pool = new PoolSpec(PoolSpec.Kind.MAX_2X2, 2, 4).build(null);
        double[] y = pool.forward(Nd4j.create(IMAGE, new long[]{1, 32}, DataType.DOUBLE), Pass.BATCH_STATISTICS)
                .dup('c').data().asDouble();
        assertArrayEquals(new double[]{5, 7, 13, 15, 0, -2, -8, -10}, y, TOLERANCE);
    }

    @Test
    void globalAveragePoolingAveragesEachChannel() {
        var pool = new PoolSpec(PoolSpec.Kind.GLOBAL_AVERAGE, 2, 4).build(null);
        double[] y = pool.forward(Nd4j.create(IMAGE, new long[]{1, 32}, DataType.DOUBLE), Pass.BATCH_STATISTICS)
                .dup('c').data().asDouble();
        assertArrayEquals(new double[]{7.5, -7.5}, y, TOLERANCE);
    }

    @Test
    void aNaNAnywhereInAWindowIsKept() {
        var pool = new PoolSpec(PoolSpec.Kind.MAX_2X2, 1, 2).build(null);
        for (int at = 0; at < 4; at++) {
            double[] window = {1, 2, 3, 4};
            window[at] = Double.NaN;
            double y = pool.forward(Nd4j.create(window, new long[]{1, 4}, DataType.DOUBLE), Pass.BATCH_STATISTICS).getDouble(0);
            assertTrue(Double.isNaN(y), "NaN at " + at + " gave " + y);
        }
    }

    @Test
    void rowsThatAreNotTheLastPassAreRefused() {
        var pool = new PoolSpec(PoolSpec.Kind.MAX_2X2, 2, 4).build(null);
        pool.forward(Nd4j.create(new double[3 * 32], new long[]{3, 32}, DataType.DOUBLE), Pass.BATCH_STATISTICS);
        assertThrows(IllegalStateException.class, () -> pool.forwardTangent(Nd4j.zeros(DataType.DOUBLE, 4, 32), 2));
    }

    @Test
    void maxPoolingNeedsAnEvenSide() {
        assertThrows(IllegalArgumentException.class, () -> new PoolSpec(PoolSpec.Kind.MAX_2X2, 1, 5));
    }
}
