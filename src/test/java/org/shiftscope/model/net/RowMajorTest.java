// The host-buffer helpers under BatchNorm, Dense and SGD against ND4J's own operations, for float32 and
// float64 arrays, including views that start at an offset and transposed (non C-order) operands.
package org.shiftscope.model.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RowMajorTest {
    static final double TOLERANCE = 1e-5;

    private static INDArray matrix(DataType type) {
        return Nd4j.linspace(1, 12, 12, type).reshape('c', 3, 4).muli(0.5);   // (3, 4)
    }

    private static double[] values(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    @ParameterizedTest
    @ValueSource(strings = {"FLOAT", "DOUBLE"})
    void readsCOrderViewsAndTransposesInRowMajorOrder(String name) {
        var type = DataType.valueOf(name);
        INDArray m = matrix(type);
        assertArrayEquals(values(m), RowMajor.read(m), TOLERANCE);
        assertArrayEquals(values(m.getRow(2)), RowMajor.read(m.getRow(2)), TOLERANCE);   // view at offset 8
        assertArrayEquals(values(m.transpose()), RowMajor.read(m.transpose()), TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FLOAT", "DOUBLE"})
    void writesIntoArraysAndRowViews(String name) {
        var type = DataType.valueOf(name);
        INDArray m = matrix(type);
        RowMajor.write(new double[]{-1, -2, -3, -4}, m.getRow(1));
        assertArrayEquals(new double[]{0.5, 1, 1.5, 2, -1, -2, -3, -4, 4.5, 5, 5.5, 6}, values(m), TOLERANCE);
        INDArray made = RowMajor.matrix(new double[]{1, 2, 3, 4, 5, 6}, type, 2, 3);
        assertEquals(type, made.dataType());
        assertArrayEquals(new long[]{2, 3}, made.shape());
        assertArrayEquals(new double[]{1, 2, 3, 4, 5, 6}, values(made), TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FLOAT", "DOUBLE"})
    void columnSumsAndRowBroadcastMatchNd4j(String name) {
        var type = DataType.valueOf(name);
        INDArray m = matrix(type);
        assertArrayEquals(values(m.sum(true, 0)), RowMajor.columnSums(m), TOLERANCE);
        assertArrayEquals(values(m.transpose().sum(true, 0)), RowMajor.columnSums(m.transpose()), TOLERANCE);
        INDArray row = Nd4j.create(new double[]{10, 20, 30, 40}, new long[]{1, 4}, type);
        INDArray expected = m.addRowVector(row);
        RowMajor.addRowsInPlace(m, row);
        assertArrayEquals(values(expected), values(m), TOLERANCE);
        RowMajor.add(row, new double[]{1, 1, 1, 1});
        assertArrayEquals(new double[]{11, 21, 31, 41}, values(row), TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FLOAT", "DOUBLE"})
    void blocksStackedByRowsGetTheirOwnRowAndColumnSums(String name) {
        var type = DataType.valueOf(name);
        INDArray stacked = Nd4j.create(new double[]{1, 2, 3, 4, 5, 6, 7, 8}, new long[]{4, 2}, type); // 2 blocks of (2, 2)
        assertArrayEquals(new double[]{1 + 3, 2 + 4, 5 + 7, 6 + 8}, RowMajor.blockColumnSums(stacked, 2), TOLERANCE);
        RowMajor.addRowsInPlace(stacked, Nd4j.create(new double[]{10, 20, 100, 200}, new long[]{2, 2}, type));
        assertArrayEquals(new double[]{11, 22, 13, 24, 105, 206, 107, 208}, values(stacked), TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FLOAT", "DOUBLE"})
    void slicesAreWrittenAndAddedInPlace(String name) {
        INDArray m = matrix(DataType.valueOf(name));
        RowMajor.write(new double[]{-1, 7, 8, 9}, 1, m, 4, 3);           // elements 4..6 ← 7, 8, 9
        assertArrayEquals(new double[]{0.5, 1, 1.5, 2, 7, 8, 9, 4, 4.5, 5, 5.5, 6}, values(m), TOLERANCE);
        var sums = new double[]{100, 100, 100};
        RowMajor.addTo(m, 9, sums, 1, 2);                               // sums[1..2] += elements 9..10
        assertArrayEquals(new double[]{100, 105, 105.5}, sums, TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FLOAT", "DOUBLE"})
    void zeroClearsWholeArraysAndOnlyTheViewOfAView(String name) {
        var type = DataType.valueOf(name);
        INDArray whole = matrix(type);
        RowMajor.zero(whole);
        assertArrayEquals(new double[12], values(whole), 0.0);
        INDArray m = matrix(type);
        RowMajor.zero(m.getRow(1));
        assertArrayEquals(new double[]{0.5, 1, 1.5, 2, 0, 0, 0, 0, 4.5, 5, 5.5, 6}, values(m), TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FLOAT", "DOUBLE"})
    void columnMomentsOfJavaArrays(String name) {
        double[] a = RowMajor.read(matrix(DataType.valueOf(name)));
        assertArrayEquals(new double[]{2.5, 3, 3.5, 4}, RowMajor.columnMeans(a, 3, 4), TOLERANCE);
        assertArrayEquals(new double[]{(0.25 + 6.25 + 20.25) / 3, (1 + 9 + 25) / 3.0, (2.25 + 12.25 + 30.25) / 3, (4 + 16 + 36) / 3.0},
                RowMajor.columnMeansOfProduct(a, a, 3, 4), TOLERANCE);
    }

    @Test
    void mismatchedShapesAreRefused() {
        INDArray m = matrix(DataType.FLOAT);
        INDArray row = Nd4j.zeros(DataType.FLOAT, 1, 3);
        assertThrows(IllegalArgumentException.class, () -> RowMajor.addRowsInPlace(m, row));
        assertThrows(IllegalArgumentException.class, () -> RowMajor.addRowsInPlace(m, Nd4j.zeros(DataType.FLOAT, 2, 4)),
                "3 rows do not split into 2 blocks");
        var norm = new BatchNorm(new BatchNormSpec(0, 4, NetworkSpec.DEFAULT_BN_EPSILON, 0.1), DataType.FLOAT);
        norm.forward(m, Pass.TRAINING_STEP);
        assertThrows(IllegalArgumentException.class,
                () -> norm.backward(Nd4j.zeros(DataType.FLOAT, 2, 4)), "a gradient for another batch than the forward pass's");
    }
}
