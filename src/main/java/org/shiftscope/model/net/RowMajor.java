// Moves (rows, cols) matrices and (1, cols) rows between ND4J arrays (float32 or float64) and Java double[] in
// row-major order, and sums columns, for layers whose per-column arithmetic is written as plain loops. Host
// copies are synchronised explicitly (AffinityManager) so that the CUDA backend reads and writes current data.
package org.shiftscope.model.net;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;

final class RowMajor {
    /** Elements per bulk copy in the column sums: small enough to stay in the cache. */
    private static final int SUM_CHUNK = 1 << 14;
    private static final ThreadLocal<float[]> STAGING = ThreadLocal.withInitial(() -> new float[0]);

    private RowMajor() {
    }

    /**
     * This thread's float32 staging array with room for n values. A bulk copy between a native buffer and a
     * Java array plus a plain loop is several times faster than an element-wise FloatBuffer loop.
     */
    private static float[] staging(int n) {
        float[] staged = STAGING.get();
        if (staged.length < n) {
            staged = new float[n];
            STAGING.set(staged);
        }
        return staged;
    }

    /** Copies a's elements in row-major order into target (length a.length()), widening float32 to float64. */
    static void read(INDArray a, double[] target) {
        INDArray dense = contiguous(a) ? a : a.dup('c');
        Nd4j.getAffinityManager().ensureLocation(dense, AffinityManager.Location.HOST);
        int offset = (int) dense.offset();
        int n = (int) dense.length();
        switch (dense.dataType()) {
            case FLOAT -> {
                float[] staged = staging(n);
                dense.data().asNioFloat().get(offset, staged, 0, n);      // one bulk copy, then a plain loop
                for (int k = 0; k < n; k++) {
                    target[k] = staged[k];
                }
            }
            case DOUBLE -> dense.data().asNioDouble().get(offset, target, 0, n);
            default -> throw new IllegalArgumentException("expected float32 or float64, got " + dense.dataType());
        }
    }

    static double[] read(INDArray a) {
        var values = new double[(int) a.length()];
        read(a, values);
        return values;
    }

    /**
     * Elements [at, at + target.length) of a (a contiguous C-order array, current on the host: see
     * HostBuffers.readable) into target, widened to float64: one row at a time without copying the whole array.
     */
    static void readRange(INDArray a, int at, double[] target) {
        requireContiguous(a);
        int offset = (int) a.offset() + at;
        int n = target.length;
        switch (a.dataType()) {
            case FLOAT -> {
                float[] staged = staging(n);
                a.data().asNioFloat().get(offset, staged, 0, n);
                for (int k = 0; k < n; k++) {
                    target[k] = staged[k];
                }
            }
            case DOUBLE -> a.data().asNioDouble().get(offset, target, 0, n);
            default -> throw new IllegalArgumentException("expected float32 or float64, got " + a.dataType());
        }
    }

    /** A new C-order (rows, cols) array of that type (in the current workspace, if any) holding values. */
    static INDArray matrix(double[] values, DataType type, long rows, long cols) {
        INDArray result = Nd4j.createUninitialized(type, new long[]{rows, cols}, 'c');
        write(values, result);
        return result;
    }

    /** Overwrites target, a contiguous C-order array, with values in row-major order. */
    static void write(double[] values, INDArray target) {
        write(values, 0, target, 0, (int) target.length());
    }

    /**
     * Overwrites elements [at, at + count) of target (a contiguous C-order array, in row-major order) with
     * values[from, from + count), without a temporary array.
     */
    static void write(double[] values, int from, INDArray target, int at, int count) {
        requireContiguous(target);
        Nd4j.getAffinityManager().ensureLocation(target, AffinityManager.Location.HOST);   // a view keeps the rest
        int offset = (int) target.offset() + at;
        switch (target.dataType()) {
            case FLOAT -> {
                float[] staged = staging(count);
                for (int k = 0; k < count; k++) {
                    staged[k] = (float) values[from + k];
                }
                target.data().asNioFloat().put(offset, staged, 0, count);
            }
            case DOUBLE -> target.data().asNioDouble().put(offset, values, from, count);
            default -> throw new IllegalArgumentException("expected float32 or float64, got " + target.dataType());
        }
        Nd4j.getAffinityManager().tagLocation(target, AffinityManager.Location.HOST);
    }

    /** sums[from + k] += element at + k of source (a contiguous C-order array), for k < count. */
    static void addTo(INDArray source, int at, double[] sums, int from, int count) {
        requireContiguous(source);
        Nd4j.getAffinityManager().ensureLocation(source, AffinityManager.Location.HOST);
        int offset = (int) source.offset() + at;
        switch (source.dataType()) {
            case FLOAT -> {
                float[] staged = staging(count);
                source.data().asNioFloat().get(offset, staged, 0, count);
                for (int k = 0; k < count; k++) {
                    sums[from + k] += staged[k];
                }
            }
            case DOUBLE -> {
                DoubleBuffer m = source.data().asNioDouble();
                for (int k = 0; k < count; k++) {
                    sums[from + k] += m.get(offset + k);
                }
            }
            default -> throw new IllegalArgumentException("expected float32 or float64, got " + source.dataType());
        }
    }

    /**
     * Whether a's elements lie in row-major order one after another from a.offset() in its buffer. On the CPU
     * backend data().asNio*() wraps the whole underlying buffer, so absolute indices start at a.offset().
     */
    private static boolean contiguous(INDArray a) {
        return a.ordering() == 'c' && a.elementWiseStride() == 1;
    }

    private static void requireContiguous(INDArray target) {
        if (!contiguous(target)) {
            throw new IllegalArgumentException("expected a contiguous C-order array, got " + target.shapeInfoToString());
        }
    }

    /** Sets every element of target to 0: one memset instead of an ND4J op (~9 µs each, ×34 per step). */
    static void zero(INDArray target) {
        if (target.isView() || target.offset() != 0) {
            target.assign(0.0);
            return;
        }
        Nd4j.getAffinityManager().ensureLocation(target, AffinityManager.Location.HOST);
        Pointer.memset(target.data().addressPointer(), 0, target.length() * target.data().getElementSize());
        Nd4j.getAffinityManager().tagLocation(target, AffinityManager.Location.HOST);
    }

    /** target += values, for gradients and H·v slices accumulated over passes. */
    static void add(INDArray target, double[] values) {
        double[] sum = read(target);
        for (int k = 0; k < sum.length; k++) {
            sum[k] += values[k];
        }
        write(sum, target);
    }

    /**
     * matrix += rows in place, row i of {@code rows} added to every row of block i: matrix (b·r, cols)
     * contiguous C-order, rows (b, cols). With b = 1, a row broadcast over the matrix (a bias).
     */
    static void addRowsInPlace(INDArray matrix, INDArray rows) {
        double[] r = read(rows);
        int cols = (int) rows.size(1);
        int block = (int) rows.size(0);
        if (matrix.rank() != 2 || matrix.size(1) != cols || matrix.size(0) % block != 0) {
            throw new IllegalArgumentException("cannot add " + block + " rows of " + cols + " to shape "
                    + Arrays.toString(matrix.shape()));
        }
        int n = (int) matrix.length();
        int perBlock = n / block;
        requireContiguous(matrix);
        Nd4j.getAffinityManager().ensureLocation(matrix, AffinityManager.Location.HOST);
        int offset = (int) matrix.offset();
        switch (matrix.dataType()) {
            case FLOAT -> {
                FloatBuffer m = matrix.data().asNioFloat();
                for (int k = 0; k < n; k += cols) {
                    int source = k / perBlock * cols;
                    for (int j = 0; j < cols; j++) {
                        m.put(offset + k + j, (float) (m.get(offset + k + j) + r[source + j]));
                    }
                }
            }
            case DOUBLE -> {
                DoubleBuffer m = matrix.data().asNioDouble();
                for (int k = 0; k < n; k += cols) {
                    int source = k / perBlock * cols;
                    for (int j = 0; j < cols; j++) {
                        m.put(offset + k + j, m.get(offset + k + j) + r[source + j]);
                    }
                }
            }
            default -> throw new IllegalArgumentException("expected float32 or float64, got " + matrix.dataType());
        }
        Nd4j.getAffinityManager().tagLocation(matrix, AffinityManager.Location.HOST);
    }

    /** Column sums of a (rows, cols) matrix, in float64. */
    static double[] columnSums(INDArray matrix) {
        return blockColumnSums(matrix, 1);
    }

    /** Column sums of each of the b blocks of a (b·r, cols) matrix stacked by rows: (b, cols) in row-major order. */
    static double[] blockColumnSums(INDArray matrix, int block) {
        INDArray dense = contiguous(matrix) ? matrix : matrix.dup('c');
        Nd4j.getAffinityManager().ensureLocation(dense, AffinityManager.Location.HOST);
        int cols = (int) dense.size(1);
        int n = (int) dense.length();
        int perBlock = n / block;
        int offset = (int) dense.offset();
        var sums = new double[block * cols];
        switch (dense.dataType()) {
            case FLOAT -> {
                FloatBuffer m = dense.data().asNioFloat();
                int chunk = Math.max(cols, SUM_CHUNK / cols * cols);      // whole rows, bulk-copied
                float[] staged = staging(chunk);
                for (int start = 0; start < n; start += chunk) {
                    int count = Math.min(chunk, n - start);
                    m.get(offset + start, staged, 0, count);
                    for (int k = 0; k < count; k += cols) {
                        int target = (start + k) / perBlock * cols;
                        for (int j = 0; j < cols; j++) {
                            sums[target + j] += staged[k + j];
                        }
                    }
                }
            }
            case DOUBLE -> {
                DoubleBuffer m = dense.data().asNioDouble();
                for (int k = 0; k < n; k += cols) {
                    int target = k / perBlock * cols;
                    for (int j = 0; j < cols; j++) {
                        sums[target + j] += m.get(offset + k + j);
                    }
                }
            }
            default -> throw new IllegalArgumentException("expected float32 or float64, got " + dense.dataType());
        }
        return sums;
    }

    /** Column means of a (rows, cols) row-major matrix into a fresh (cols) array. */
    static double[] columnMeans(double[] a, int rows, int cols) {
        var means = new double[cols];
        for (int i = 0; i < rows; i++) {
            int row = i * cols;
            for (int j = 0; j < cols; j++) {
                means[j] += a[row + j];
            }
        }
        for (int j = 0; j < cols; j++) {
            means[j] /= rows;
        }
        return means;
    }

    /** Column means of the element-wise product a ⊙ b, both (rows, cols). */
    static double[] columnMeansOfProduct(double[] a, double[] b, int rows, int cols) {
        var means = new double[cols];
        for (int i = 0; i < rows; i++) {
            int row = i * cols;
            for (int j = 0; j < cols; j++) {
                means[j] += a[row + j] * b[row + j];
            }
        }
        for (int j = 0; j < cols; j++) {
            means[j] /= rows;
        }
        return means;
    }
}
