// The rearrangements that turn a 3×3, stride 1, same-padding convolution into matrix products (im2col):
// examples are rows (m, channels·side·side) in channel-major order; pixel rows are (m·side·side, ·), one row
// per example and pixel; a patch row holds the 3×3 neighbourhood of every input channel, zero outside.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;

final class ConvColumns {
    static final int KERNEL = 3;
    static final int TAPS = KERNEL * KERNEL;

    private ConvColumns() {
    }

    /** Called with a position in the patch rows and the image value it copies (or 0 outside the image: not called). */
    @FunctionalInterface
    private interface Pair {
        void at(int inPatches, int inImages);
    }

    /** Every (patch entry, image value) pair of m examples: row (n, pixel), column (channel, kernel row, column). */
    private static void forEachTap(int m, int channels, int side, Pair pair) {
        int area = side * side;
        int width = channels * TAPS;
        for (int n = 0; n < m; n++) {
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    int row = (n * area + r * side + c) * width;
                    for (int ch = 0; ch < channels; ch++) {
                        for (int kr = 0; kr < KERNEL; kr++) {
                            int sr = r + kr - 1;
                            for (int kc = 0; kc < KERNEL; kc++) {
                                int sc = c + kc - 1;
                                if (sr >= 0 && sr < side && sc >= 0 && sc < side) {
                                    pair.at(row + ch * TAPS + kr * KERNEL + kc, n * channels * area + ch * area + sr * side + sc);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** Every (pixel-row entry, example-row entry) pair of m examples of c channels. */
    private static void forEachPixel(int m, int channels, int side, Pair pair) {
        int area = side * side;
        for (int n = 0; n < m; n++) {
            for (int ch = 0; ch < channels; ch++) {
                for (int p = 0; p < area; p++) {
                    pair.at((n * area + p) * channels + ch, (n * channels + ch) * area + p);
                }
            }
        }
    }

    /** (m, c·s²) → (m·s², c·9): row (n, pixel), column (channel, kernel row, kernel column). */
    static INDArray patches(INDArray x, int channels, int side) {
        int m = (int) x.size(0);
        double[] v = RowMajor.read(x);
        double[] out = new double[m * side * side * channels * TAPS];
        forEachTap(m, channels, side, (patch, image) -> out[patch] = v[image]);
        return RowMajor.matrix(out, x.dataType(), (long) m * side * side, (long) channels * TAPS);
    }

    /** The adjoint of {@link #patches}: (m·s², c·9) → (m, c·s²), each patch entry added back where it came from. */
    static INDArray unpatch(INDArray patches, int channels, int side) {
        int m = (int) (patches.size(0) / (side * side));
        double[] v = RowMajor.read(patches);
        double[] out = new double[m * channels * side * side];
        forEachTap(m, channels, side, (patch, image) -> out[image] += v[patch]);
        return RowMajor.matrix(out, patches.dataType(), m, (long) channels * side * side);
    }

    /** (m, c·s²) → (m·s², c): channel-major examples to one row per pixel. */
    static INDArray pixelRows(INDArray y, int channels, int side) {
        int m = (int) y.size(0);
        double[] v = RowMajor.read(y);
        double[] out = new double[v.length];
        forEachPixel(m, channels, side, (pixel, example) -> out[pixel] = v[example]);
        return RowMajor.matrix(out, y.dataType(), (long) m * side * side, channels);
    }

    /** (m·s², c) → (m, c·s²): the inverse of {@link #pixelRows}. */
    static INDArray exampleRows(INDArray z, int channels, int side) {
        int m = (int) (z.size(0) / (side * side));
        double[] v = RowMajor.read(z);
        double[] out = new double[v.length];
        forEachPixel(m, channels, side, (pixel, example) -> out[example] = v[pixel]);
        return RowMajor.matrix(out, z.dataType(), m, (long) channels * side * side);
    }
}
