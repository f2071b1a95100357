// Pooling without parameters: 2×2 max pooling (stride 2) routes each window's largest value, and its
// derivatives, through; global average pooling averages each channel's pixels. Both are linear on the last
// forward pass's windows, so the R-operator passes apply the same routing or average to the tangents.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

public final class Pool implements Layer {
    private final PoolSpec spec;
    /** For max pooling: per example and output value, the input index (within the example) it came from. */
    private int[] chosen;

    Pool(PoolSpec spec) {
        this.spec = spec;
    }

    @Override
    public INDArray forward(INDArray x, Pass pass) {                 // (batch, channels·side²)
        int m = (int) x.size(0);
        double[] v = RowMajor.read(x);
        if (spec.kind() == PoolSpec.Kind.MAX_2X2) {
            chosen = new int[m * spec.outputs()];
            int half = spec.side() / 2;
            for (int n = 0; n < m; n++) {
                for (int c = 0; c < spec.channels(); c++) {
                    for (int r = 0; r < half; r++) {
                        for (int k = 0; k < half; k++) {
                            int best = -1;
                            for (int dr = 0; dr < 2; dr++) {
                                for (int dk = 0; dk < 2; dk++) {
                                    int at = (c * spec.side() + 2 * r + dr) * spec.side() + 2 * k + dk;
                                    double value = v[n * spec.inputs() + at];
                                    double kept = best < 0 ? Double.NaN : v[n * spec.inputs() + best];
                                    if (best < 0 || value > kept || Double.isNaN(value) && !Double.isNaN(kept)) {
                                        best = at;
                                    }
                                }
                            }
                            chosen[n * spec.outputs() + (c * half + r) * half + k] = best;
                        }
                    }
                }
            }
        }
        return down(x);                                              // (batch, outputs)
    }

    /** The pooling of the last forward pass applied to rows of an input or its tangents (a multiple of its batch). */
    private INDArray down(INDArray rows) {
        int m = (int) rows.size(0);
        int batch = batchOf(m);
        double[] v = RowMajor.read(rows);
        double[] out = new double[m * spec.outputs()];
        int area = spec.side() * spec.side();
        for (int n = 0; n < m; n++) {
            for (int o = 0; o < spec.outputs(); o++) {
                if (spec.kind() == PoolSpec.Kind.MAX_2X2) {
                    out[n * spec.outputs() + o] = v[n * spec.inputs() + chosen[(n % batch) * spec.outputs() + o]];
                } else {
                    double sum = 0;
                    for (int p = 0; p < area; p++) {
                        sum += v[n * spec.inputs() + o * area + p];
                    }
                    out[n * spec.outputs() + o] = sum / area;
                }
            }
        }
        return RowMajor.matrix(out, rows.dataType(), m, spec.outputs());
    }

    /** The adjoint of {@link #down}: each output's derivative back to where it came from. */
    private INDArray up(INDArray rows) {
        int m = (int) rows.size(0);
        int batch = batchOf(m);
        double[] d = RowMajor.read(rows);
        double[] out = new double[m * spec.inputs()];
        int area = spec.side() * spec.side();
        for (int n = 0; n < m; n++) {
            for (int o = 0; o < spec.outputs(); o++) {
                double g = d[n * spec.outputs() + o];
                if (spec.kind() == PoolSpec.Kind.MAX_2X2) {
                    out[n * spec.inputs() + chosen[(n % batch) * spec.outputs() + o]] += g;
                } else {
                    for (int p = 0; p < area; p++) {
                        out[n * spec.inputs() + o * area + p] = g / area;
                    }
                }
            }
        }
        return RowMajor.matrix(out, rows.dataType(), m, spec.inputs());
    }

    /** The last forward pass's batch, which {@code rows} (its rows or b directions of them) must be a multiple of. */
    private int batchOf(int rows) {
        if (spec.kind() != PoolSpec.Kind.MAX_2X2) {
            return rows;
        }
        int batch = chosen.length / spec.outputs();
        if (batch == 0 || rows % batch != 0) {
            throw new IllegalStateException("max pooling got " + rows + " rows after a forward pass of " + batch);
        }
        return batch;
    }

    @Override
    public INDArray backward(INDArray dOut) {
        return up(dOut);
    }

    @Override
    public INDArray backwardInput(INDArray dOut) {
        return up(dOut);
    }

    /** Directions stacked by rows: direction i's rows are examples 0…batch−1 again, so n mod batch finds the window. */
    @Override
    public INDArray forwardTangent(INDArray inputTangents, int block) {
        return inputTangents == null ? null : down(inputTangents);
    }

    @Override
    public INDArray backwardTangent(INDArray delta, INDArray deltaTangents, int block) {
        return up(deltaTangents);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public Layer copy(LayerContext context) {
        return new Pool(spec);
    }

    @Override
    public Optional<ExportEntry> exportEntry(BnMode mode) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("channels", spec.channels());
        fields.put("side", spec.side());
        return Optional.of(new ExportEntry(spec.kind().type, fields));
    }

    @Override
    public void readState(ExportedLayer entry) {
    }
}
