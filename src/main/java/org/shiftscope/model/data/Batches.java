// Copies selected examples into an ND4J matrix: the one place where data crosses into native memory.
package org.shiftscope.model.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

public final class Batches {
    private Batches() {
    }

    /** @return (indices.length, inputs) features of the chosen examples */
    public static INDArray features(Examples examples, int[] indices, DataType type) {
        int inputs = examples.inputs();
        var x = new float[indices.length * inputs];
        for (int r = 0; r < indices.length; r++) {
            System.arraycopy(examples.features(), indices[r] * inputs, x, r * inputs, inputs);
        }
        return Nd4j.create(x, new long[]{indices.length, inputs}, DataType.FLOAT).castTo(type);
    }

    public static int[] labels(Examples examples, int[] indices) {
        var y = new int[indices.length];
        for (int r = 0; r < indices.length; r++) {
            y[r] = examples.labels()[indices[r]];
        }
        return y;
    }

    /** Indices from, from + 1, …, to − 1. */
    public static int[] range(int from, int to) {
        var indices = new int[to - from];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = from + i;
        }
        return indices;
    }
}
