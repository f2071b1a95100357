// Pooling without parameters: 2×2 max pooling (stride 2) routes each window's largest value, and its
// derivatives, through; global average pooling averages each channel's pixels. Both are linear on the last
// forward pass's windows, so the R-operator passes apply the same routing or average to the tangents.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
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
        if (spec.kind() != PoolSpec.Kind.MAX_2X2) {
            return down(x);                                          // (batch, outputs)
        }
        INDArray source = HostBuffers.readable(x);
        INDArray result = HostBuffers.writable(x.dataType(), m, spec.outputs());
        chosen = new int[m * spec.outputs()];
        var v = new double[spec.inputs()];                           // one example
        var out = new double[spec.outputs()];
        int side = spec.side();
        int half = side / 2;
        for (int n = 0; n < m; n++) {
            RowMajor.readRange(source, n * v.length, v);
            int o = 0;
            for (int c = 0; c < spec.channels(); c++) {
                for (int r = 0; r < half; r++) {
                    for (int k = 0; k < half; k++, o++) {
                        int corner = (c * side + 2 * r) * side + 2 * k;
                        int best = larger(v, larger(v, larger(v, corner, corner + 1), corner + side), corner + side + 1);
                        chosen[n * spec.outputs() + o] = best;
                        out[o] = v[best];
                    }
                }
            }
            RowMajor.write(out, 0, result, n * out.length, out.length);
        }
        return HostBuffers.written(result);                          // (batch, outputs)
    }

    /** at when v[at] is larger than v[best] (or NaN where v[best] is not: NaN wins, as in PyTorch), else best. */
    private static int larger(double[] v, int best, int at) {
        return v[at] > v[best] || Double.isNaN(v[at]) && !Double.isNaN(v[best]) ? at : best;
    }

    /**
     * The pooling of the last forward pass applied to rows of an input or its tangents (a multiple of its batch),
     * one example row at a time.
     */
    private INDArray down(INDArray rows) {
        int m = (int) rows.size(0);
        int batch = batchOf(m);
        INDArray source = HostBuffers.readable(rows);
        INDArray result = HostBuffers.writable(rows.dataType(), m, spec.outputs());
        var v = new double[spec.inputs()];
        var out = new double[spec.outputs()];
        int area = spec.side() * spec.side();
        for (int n = 0; n < m; n++) {
            RowMajor.readRange(source, n * v.length, v);
            for (int o = 0; o < spec.outputs(); o++) {
                if (spec.kind() == PoolSpec.Kind.MAX_2X2) {
                    out[o] = v[chosen[(n % batch) * spec.outputs() + o]];
                } else {
                    double sum = 0;
                    for (int p = 0; p < area; p++) {
                        sum += v[o * area + p];
                    }
                    out[o] = sum / area;
                }
            }
            RowMajor.write(out, 0, result, n * out.length, out.length);
        }
        return HostBuffers.written(result);
    }

    /** The adjoint of {@link #down}: each output's derivative back to where it came from. */
    private INDArray up(INDArray rows) {
        int m = (int) rows.size(0);
        int batch = batchOf(m);
        INDArray source = HostBuffers.readable(rows);
        INDArray result = HostBuffers.writable(rows.dataType(), m, spec.inputs());
        var d = new double[spec.outputs()];
        var out = new double[spec.inputs()];
        int area = spec.side() * spec.side();
        for (int n = 0; n < m; n++) {
            RowMajor.readRange(source, n * d.length, d);
            Arrays.fill(out, 0.0);
            for (int o = 0; o < spec.outputs(); o++) {
                double g = d[o];
                if (spec.kind() == PoolSpec.Kind.MAX_2X2) {
                    out[chosen[(n % batch) * spec.outputs() + o]] += g;
                } else {
                    for (int p = 0; p < area; p++) {
                        out[o * area + p] = g / area;
                    }
                }
            }
            RowMajor.write(out, 0, result, n * out.length, out.length);
        }
        return HostBuffers.written(result);
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
