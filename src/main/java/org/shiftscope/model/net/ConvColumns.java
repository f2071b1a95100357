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

    /** (m, c·s²) → (m·s², c·9): row (n, pixel), column (channel, kernel row, kernel column). */
    static INDArray patches(INDArray x, int channels, int side) {
        int m = (int) x.size(0);
        int area = side * side;
        double[] v = RowMajor.read(x);
        double[] out = new double[m * area * channels * TAPS];
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
                                    out[row + ch * TAPS + kr * KERNEL + kc] = v[n * channels * area + ch * area + sr * side + sc];
                                }
                            }
                        }
                    }
                }
            }
        }
        return RowMajor.matrix(out, x.dataType(), (long) m * area, width);
    }

    /** The adjoint of {@link #patches}: (m·s², c·9) → (m, c·s²), each patch entry added back where it came from. */
    static INDArray unpatch(INDArray patches, int channels, int side) {
        int area = side * side;
        int m = (int) (patches.size(0) / area);
        int width = channels * TAPS;
        double[] v = RowMajor.read(patches);
        double[] out = new double[m * channels * area];
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
                                    out[n * channels * area + ch * area + sr * side + sc] += v[row + ch * TAPS + kr * KERNEL + kc];
                                }
                            }
                        }
                    }
                }
            }
        }
        return RowMajor.matrix(out, patches.dataType(), m, (long) channels * area);
    }

    /** (m, c·s²) → (m·s², c): channel-major examples to one row per pixel. */
    static INDArray pixelRows(INDArray y, int channels, int side) {
        int area = side * side;
        int m = (int) y.size(0);
        double[] v = RowMajor.read(y);
        double[] out = new double[v.length];
        for (int n = 0; n < m; n++) {
            for (int ch = 0; ch < channels; ch++) {
                for (int p = 0; p < area; p++) {
                    out[(n * area + p) * channels + ch] = v[(n * channels + ch) * area + p];
                }
            }
        }
        return RowMajor.matrix(out, y.dataType(), (long) m * area, channels);
    }

    /** (m·s², c) → (m, c·s²): the inverse of {@link #pixelRows}. */
    static INDArray exampleRows(INDArray z, int channels, int side) {
        int area = side * side;
        int m = (int) (z.size(0) / area);
        double[] v = RowMajor.read(z);
        double[] out = new double[v.length];
        for (int n = 0; n < m; n++) {
            for (int ch = 0; ch < channels; ch++) {
                for (int p = 0; p < area; p++) {
                    out[(n * channels + ch) * area + p] = v[(n * area + p) * channels + ch];
                }
            }
        }
        return RowMajor.matrix(out, z.dataType(), m, (long) channels * area);
    }
}
