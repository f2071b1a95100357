// A trainable tensor, the gradient of the loss with respect to it, and — for exact Hessian-vector products
// (Pearlmutter 1994, "Fast exact multiplication by the Hessian") — its slices of a block of directions v_1…v_b
// and of the accumulated H·v_1…H·v_b, each stacked by rows so that one matrix product serves the whole block.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.shiftscope.model.Workspaces;

public final class Parameter {
    private final String name;
    private final INDArray value;
    private final INDArray gradient;
    private INDArray directions;
    private INDArray hvpSlices;

    public Parameter(String name, INDArray value) {
        this.name = name;
        this.value = value;
        this.gradient = value.ulike().assign(0.0);
    }

    /** e.g. "dense0.W", "bn3.gamma": stable across rebuilds, used for exports and optimiser state. */
    public String name() {
        return name;
    }

    public INDArray value() {
        return value;
    }

    public INDArray gradient() {
        return gradient;
    }

    /**
     * This parameter's slices of the directions of a block of Hessian-vector products, stacked by rows:
     * (block·rows, cols) for a (rows, cols) value, direction i in rows [i·rows, (i+1)·rows).
     */
    public INDArray directions(int block) {
        directions = stacked(directions, block);
        return directions;
    }

    /** This parameter's slices of H·v_1…H·v_b, stacked like {@link #directions}, accumulated by the R-backward passes. */
    public INDArray hvpSlices(int block) {
        hvpSlices = stacked(hvpSlices, block);
        return hvpSlices;
    }

    /** A copy of the value cast to {@code type}, with a zero gradient and no directions. */
    public Parameter copy(DataType type) {
        return new Parameter(name, value.castTo(type).dup('c'));
    }

    /** Overwrites the value with elements [offset, offset + size()) of {@code values}, in row-major order. */
    public void setValue(double[] values, int offset) {
        RowMajor.write(values, offset, value, 0, (int) size());
    }

    /** Adds the value's elements, in row-major order, to sums[offset, offset + size()). */
    public void addValueTo(double[] sums, int offset) {
        RowMajor.addTo(value, 0, sums, offset, (int) size());
    }

    /** Adds the gradient's elements, in row-major order, to sums[offset, offset + size()). */
    public void addGradientTo(double[] sums, int offset) {
        RowMajor.addTo(gradient, 0, sums, offset, (int) size());
    }

    /**
     * Sets directions(b), b = vectors.length, to this parameter's slices of the vectors: for each vector, its
     * elements [offset, offset + size()) in row-major order.
     */
    public void setDirections(double[][] vectors, int offset) {
        int size = (int) size();
        INDArray stacked = directions(vectors.length);
        for (int i = 0; i < vectors.length; i++) {
            RowMajor.write(vectors[i], offset, stacked, i * size, size);
        }
    }

    /** Adds hvpSlices(b), b = sums.length, to elements [offset, offset + size()) of each of the sums. */
    public void addHvpSlicesTo(double[][] sums, int offset) {
        int size = (int) size();
        INDArray stacked = hvpSlices(sums.length);
        for (int i = 0; i < sums.length; i++) {
            RowMajor.addTo(stacked, i * size, sums[i], offset, size);
        }
    }

    /** The array for a block of that size: the current one if it fits, else a new detached zero array. */
    private INDArray stacked(INDArray current, int block) {
        long rows = block * value.size(0);
        if (current != null && current.size(0) == rows) {
            return current;
        }
        try (var ignored = Workspaces.detached()) {
            return Nd4j.zeros(value.dataType(), rows, value.size(1));
        }
    }

    public long size() {
        return value.length();
    }
}
