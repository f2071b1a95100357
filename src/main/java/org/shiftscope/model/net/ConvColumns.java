// The rearrangements that turn a 3×3, stride 1, same-padding convolution into matrix products (im2col): example
// rows (m, channels·side²) channel-major; pixel rows (m·side², ·); patch rows, the 3×3 neighbourhood of every input
// channel (zero outside). One index map per example, applied by a plain loop; float32 stays float32.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

final class ConvColumns {
    static final int KERNEL = 3;
    static final int TAPS = KERNEL * KERNEL;

    /** Index maps by (kind, channels, side); a network has a handful, shared by the training and Hessian threads. */
    private static final Map<String, int[]> MAPS = new ConcurrentHashMap<>();

    private ConvColumns() {
    }

    /**
     * For one example: patch entry (pixel, channel, kernel row, kernel column) → the index within the example
     * row of the image value it copies, or −1 outside the image.
     */
    private static int[] tapSources(int channels, int side) {
        return MAPS.computeIfAbsent("taps " + channels + " " + side, key -> {
            int area = side * side;
            var map = new int[area * channels * TAPS];
            int k = 0;
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    for (int ch = 0; ch < channels; ch++) {
                        for (int kr = 0; kr < KERNEL; kr++) {
                            for (int kc = 0; kc < KERNEL; kc++) {
                                int sr = r + kr - 1;
                                int sc = c + kc - 1;
                                boolean inside = sr >= 0 && sr < side && sc >= 0 && sc < side;
                                map[k++] = inside ? ch * area + sr * side + sc : -1;
                            }
                        }
                    }
                }
            }
            return map;
        });
    }

    /**
     * For one example: entry k of its pixel rows (pixel, channel) → its index in the example row (channel,
     * pixel), or the other way round when {@code toExample}.
     */
    private static int[] transposition(int channels, int side, boolean toExample) {
        return MAPS.computeIfAbsent((toExample ? "examples " : "pixels ") + channels + " " + side, key -> {
            int area = side * side;
            var map = new int[area * channels];
            for (int p = 0; p < area; p++) {
                for (int ch = 0; ch < channels; ch++) {
                    if (toExample) {
                        map[ch * area + p] = p * channels + ch;
                    } else {
                        map[p * channels + ch] = ch * area + p;
                    }
                }
            }
            return map;
        });
    }

    /** (m, c·s²) → (m·s², c·9): row (n, pixel), column (channel, kernel row, kernel column). */
    static INDArray patches(INDArray x, int channels, int side) {
        int m = (int) x.size(0);
        return gather(x, tapSources(channels, side), (long) m * side * side, (long) channels * TAPS);
    }

    /** The adjoint of {@link #patches}: (m·s², c·9) → (m, c·s²), each patch entry added back where it came from. */
    static INDArray unpatch(INDArray patches, int channels, int side) {
        int m = (int) (patches.size(0) / (side * side));
        return scatterAdd(patches, tapSources(channels, side), channels * side * side, m);
    }

    /** (m, c·s²) → (m·s², c): channel-major examples to one row per pixel. */
    static INDArray pixelRows(INDArray y, int channels, int side) {
        int m = (int) y.size(0);
        return gather(y, transposition(channels, side, false), (long) m * side * side, channels);
    }

    /** (m·s², c) → (m, c·s²): the inverse of {@link #pixelRows}. */
    static INDArray exampleRows(INDArray z, int channels, int side) {
        int m = (int) (z.size(0) / (side * side));
        return gather(z, transposition(channels, side, true), m, (long) channels * side * side);
    }

    /**
     * out (rows, cols) with entry k of example n = a's entry map[k] of example n, or 0 where map[k] < 0; the
     * examples are the map's length of out each, and a's length / examples of a each. One example at a time
     * goes through cache-sized Java rows (float64 here, float32 in gatherFloats), so nothing of the whole batch's
     * size is copied onto the heap.
     */
    private static INDArray gather(INDArray a, int[] map, long rows, long cols) {
        int examples = (int) (rows * cols / map.length);
        INDArray source = HostBuffers.readable(a);
        INDArray out = HostBuffers.writable(a.dataType(), rows, cols);
        if (a.dataType() == DataType.FLOAT) {
            gatherFloats(source, out, map, examples);
            return HostBuffers.written(out);
        }
        var v = new double[(int) (a.length() / examples)];
        var w = new double[map.length];
        for (int n = 0; n < examples; n++) {
            RowMajor.readRange(source, n * v.length, v);
            for (int k = 0; k < w.length; k++) {
                w[k] = map[k] < 0 ? 0.0 : v[map[k]];
            }
            RowMajor.write(w, 0, out, n * w.length, w.length);
        }
        return HostBuffers.written(out);
    }

    /** The adjoint of {@link #gather}: out (examples, per) with a's entry k of example n added to out's map[k] ≥ 0. */
    private static INDArray scatterAdd(INDArray a, int[] map, int per, int examples) {
        INDArray source = HostBuffers.readable(a);
        INDArray out = HostBuffers.writable(a.dataType(), examples, per);
        if (a.dataType() == DataType.FLOAT) {
            scatterAddFloats(source, out, map, examples);
            return HostBuffers.written(out);
        }
        var v = new double[map.length];
        var w = new double[per];
        for (int n = 0; n < examples; n++) {
            RowMajor.readRange(source, n * v.length, v);
            Arrays.fill(w, 0.0);
            for (int k = 0; k < v.length; k++) {
                if (map[k] >= 0) {
                    w[map[k]] += v[k];
                }
            }
            RowMajor.write(w, 0, out, n * w.length, w.length);
        }
        return HostBuffers.written(out);
    }

    /**
     * The float32 fast path of {@link #gather}: the rows stay float32 (widening every example to float64 and
     * back made the convnet's rearrangements about 1.5× slower).
     */
    private static void gatherFloats(INDArray source, INDArray out, int[] map, int examples) {
        FloatBuffer from = HostBuffers.floats(source);
        FloatBuffer to = HostBuffers.floats(out);
        var v = new float[(int) (source.length() / examples)];
        var w = new float[map.length];
        for (int n = 0; n < examples; n++) {
            from.get((int) source.offset() + n * v.length, v, 0, v.length);
            for (int k = 0; k < w.length; k++) {
                int at = map[k];
                w[k] = at < 0 ? 0f : v[at];
            }
            to.put(n * w.length, w, 0, w.length);
        }
    }

    /** The float32 fast path of {@link #scatterAdd}. */
    private static void scatterAddFloats(INDArray source, INDArray out, int[] map, int examples) {
        FloatBuffer from = HostBuffers.floats(source);
        FloatBuffer to = HostBuffers.floats(out);
        var v = new float[map.length];
        var w = new float[(int) (out.length() / examples)];
        for (int n = 0; n < examples; n++) {
            from.get((int) source.offset() + n * v.length, v, 0, v.length);
            Arrays.fill(w, 0f);
            for (int k = 0; k < v.length; k++) {
                int at = map[k];
                if (at >= 0) {
                    w[at] += v[k];
                }
            }
            to.put(n * w.length, w, 0, w.length);
        }
    }
}
