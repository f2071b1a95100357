// Group Normalization (Wu & He 2018, arXiv 1803.08494): each example's channel groups normalised over channels and
// pixels, y = γ_c·(x − μ_g)·s_g + β_c, s = 1/sqrt(σ² + ε); one group of area-1 units is LayerNorm (Ba et al. 2016).
// R-passes in float64. BN mode off bypasses it (compare with none on the same weights); on and frozen both run it.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

public final class GroupNorm implements Layer {
    private final GroupNormShape shape;
    private final Parameter gamma;          // (1, channels)
    private final Parameter beta;           // (1, channels)
    private final int units;                // values per example: channels·area
    private final int width;                // values per group: units / groups
    private boolean bypassed;               // BN mode off: the identity, without parameters
    // The last forward pass; a segment is one group of one example, segments are contiguous.
    private int rows;
    private double[] xhat;                  // x̂ (batch, units)
    private double[] inverseStd;            // s (batch·groups)
    // The last forwardTangent, per direction i of the block.
    private double[] xhatTangent;           // R{x̂}_i (b·batch, units)
    private double[] meanXhatInputTangent;  // a_i = mean over a segment of x̂⊙ẋ_i (b·batch·groups)

    GroupNorm(GroupNormShape shape, DataType type) {
        this(shape, new Parameter(shape.name() + ".gamma", Nd4j.ones(type, 1, shape.channels())),
                new Parameter(shape.name() + ".beta", Nd4j.zeros(type, 1, shape.channels())));
    }

    private GroupNorm(GroupNormShape shape, Parameter gamma, Parameter beta) {
        this.shape = shape;
        this.gamma = gamma;
        this.beta = beta;
        this.units = shape.channels() * shape.area();
        this.width = units / shape.groups();
    }

    /** The channel of value j of segment q. */
    private int channel(int q, int j) {
        return ((q % shape.groups()) * width + j) / shape.area();
    }

    @Override
    public INDArray forward(INDArray x, Pass pass) {           // (batch, units)
        if (bypassed) {
            return x;
        }
        rows = (int) x.size(0);
        int segments = rows * shape.groups();
        double[] v = RowMajor.read(x);
        double[] g = RowMajor.read(gamma.value());
        double[] b = RowMajor.read(beta.value());
        xhat = new double[rows * units];
        inverseStd = new double[segments];
        double[] y = new double[rows * units];
        for (int q = 0; q < segments; q++) {
            int at = q * width;
            double mean = 0;
            for (int j = 0; j < width; j++) {
                mean += v[at + j];
            }
            mean /= width;
            double variance = 0;
            for (int j = 0; j < width; j++) {
                double d = v[at + j] - mean;
                variance += d * d;
            }
            double s = 1 / Math.sqrt(variance / width + shape.epsilon());
            inverseStd[q] = s;
            for (int j = 0; j < width; j++) {
                int c = channel(q, j);
                xhat[at + j] = (v[at + j] - mean) * s;
                y[at + j] = g[c] * xhat[at + j] + b[c];
            }
        }
        return RowMajor.matrix(y, x.dataType(), rows, units);   // (batch, units)
    }

    /** dγ_c = Σ dy⊙x̂ and dβ_c = Σ dy over the examples and pixels of channel c; dx as {@link #backwardInput}. */
    @Override
    public INDArray backward(INDArray dOut) {                   // (batch, units)
        if (bypassed) {
            return dOut;
        }
        requireRows(dOut, 1);
        double[] d = RowMajor.read(dOut);
        double[] dGamma = new double[shape.channels()];
        double[] dBeta = new double[shape.channels()];
        for (int k = 0; k < d.length; k++) {
            int c = (k % units) / shape.area();
            dGamma[c] += d[k] * xhat[k];
            dBeta[c] += d[k];
        }
        RowMajor.add(gamma.gradient(), dGamma);
        RowMajor.add(beta.gradient(), dBeta);
        return backwardInput(dOut);
    }

    /** dx = J·(γ⊙dy) with each segment's Jacobian J h = s·(h − mean(h) − x̂·mean(h⊙x̂)), which is symmetric. */
    @Override
    public INDArray backwardInput(INDArray dOut) {              // (batch, units)
        if (bypassed) {
            return dOut;
        }
        requireRows(dOut, 1);
        double[] h = timesGamma(RowMajor.read(dOut));
        double[] dx = new double[h.length];
        for (int q = 0; q < rows * shape.groups(); q++) {
            jacobian(h, q * width, q, dx, q * width);
        }
        return RowMajor.matrix(dx, dOut.dataType(), rows, units);
    }

    /**
     * R{x̂}_i = J·ẋ_i (J as in backwardInput), and the output's tangent v_γ·x̂ + γ⊙R{x̂}_i + v_β per direction;
     * a_i = mean(x̂⊙ẋ_i) is kept for the R-backward pass (it is the tangent of sqrt(σ² + ε)).
     */
    @Override
    public INDArray forwardTangent(INDArray inputTangents, int block) {   // (b·batch, units) or null
        if (bypassed) {
            return inputTangents;
        }
        int n = rows * units;
        int segments = rows * shape.groups();
        double[] dx = inputTangents == null ? new double[block * n] : RowMajor.read(inputTangents);
        double[] g = RowMajor.read(gamma.value());
        double[] vGamma = RowMajor.read(gamma.directions(block));           // (b, channels)
        double[] vBeta = RowMajor.read(beta.directions(block));             // (b, channels)
        xhatTangent = new double[block * n];
        meanXhatInputTangent = new double[block * segments];
        double[] y = new double[block * n];
        for (int b = 0; b < block; b++) {
            for (int q = 0; q < segments; q++) {
                int at = b * n + q * width;
                meanXhatInputTangent[b * segments + q] = meanOfProduct(xhat, q * width, dx, at);
                jacobian(dx, at, q, xhatTangent, at);
                for (int j = 0; j < width; j++) {
                    int c = channel(q, j);
                    int direction = b * shape.channels() + c;
                    y[at + j] = vGamma[direction] * xhat[q * width + j] + g[c] * xhatTangent[at + j] + vBeta[direction];
                }
            }
        }
        DataType type = inputTangents == null ? gamma.value().dataType() : inputTangents.dataType();
        return RowMajor.matrix(y, type, (long) block * rows, units);        // (b·batch, units)
    }

    /**
     * With h = γ⊙δ and ḣ_i = v_γ⊙δ + γ⊙δ̇_i, per segment: R{dx}_i = J·ḣ_i − a_i·s·J·h − s·(R{x̂}_i·mean(h⊙x̂)
     * + x̂·mean(h⊙R{x̂}_i)); R{dγ}_i = Σ (δ̇_i⊙x̂ + δ⊙R{x̂}_i) and R{dβ}_i = Σ δ̇_i per channel go to the H·v slices.
     */
    @Override
    public INDArray backwardTangent(INDArray delta, INDArray deltaTangents, int block) {   // δ (batch, units)
        if (bypassed) {
            return deltaTangents;
        }
        int n = rows * units;
        int segments = rows * shape.groups();
        requireRows(delta, 1);
        requireRows(deltaTangents, block);
        double[] d = RowMajor.read(delta);
        double[] dt = RowMajor.read(deltaTangents);                         // δ̇ (b·batch, units)
        double[] g = RowMajor.read(gamma.value());
        double[] vGamma = RowMajor.read(gamma.directions(block));           // (b, channels)
        double[] h = timesGamma(d);                                         // (batch, units)
        double[] jh = new double[n];
        for (int q = 0; q < segments; q++) {
            jacobian(h, q * width, q, jh, q * width);
        }
        double[] hvpGamma = new double[block * shape.channels()];
        double[] hvpBeta = new double[block * shape.channels()];
        double[] out = new double[block * n];
        double[] hDot = new double[width];
        double[] jhDot = new double[width];
        for (int b = 0; b < block; b++) {
            for (int q = 0; q < segments; q++) {
                int seg = q * width;
                int at = b * n + seg;
                for (int j = 0; j < width; j++) {
                    int c = channel(q, j);
                    int direction = b * shape.channels() + c;
                    hDot[j] = vGamma[direction] * d[seg + j] + g[c] * dt[at + j];
                    hvpGamma[direction] += dt[at + j] * xhat[seg + j] + d[seg + j] * xhatTangent[at + j];
                    hvpBeta[direction] += dt[at + j];
                }
                jacobian(hDot, 0, q, jhDot, 0);
                double s = inverseStd[q];
                double a = meanXhatInputTangent[b * segments + q];
                double hXhat = meanOfProduct(h, seg, xhat, seg);
                double hXhatTangent = meanOfProduct(h, seg, xhatTangent, at);
                for (int j = 0; j < width; j++) {
                    out[at + j] = jhDot[j] - a * s * jh[seg + j]
                            - s * (xhatTangent[at + j] * hXhat + xhat[seg + j] * hXhatTangent);
                }
            }
        }
        RowMajor.add(gamma.hvpSlices(block), hvpGamma);
        RowMajor.add(beta.hvpSlices(block), hvpBeta);
        return RowMajor.matrix(out, deltaTangents.dataType(), (long) block * rows, units);   // (b·batch, units)
    }

    /** Checks that {@code a} holds {@code block} copies of the last forward pass's rows. */
    private void requireRows(INDArray a, int block) {
        if (a.size(0) != (long) block * rows || a.size(1) != units) {
            throw new IllegalStateException(shape.type() + " got " + a.size(0) + " × " + a.size(1)
                    + " after a forward pass of " + rows + " × " + units + " and " + block + " directions");
        }
    }

    /** out[to…] = J_q·h[from…] for segment {@code q}: s·(h − mean(h) − x̂·mean(h⊙x̂)). */
    private void jacobian(double[] h, int from, int q, double[] out, int to) {
        int x = q * width;
        double mean = 0;
        for (int j = 0; j < width; j++) {
            mean += h[from + j];
        }
        mean /= width;
        double projection = meanOfProduct(h, from, xhat, x);
        double s = inverseStd[q];
        for (int j = 0; j < width; j++) {
            out[to + j] = s * (h[from + j] - mean - xhat[x + j] * projection);
        }
    }

    private double meanOfProduct(double[] a, int from, double[] b, int at) {
        double sum = 0;
        for (int j = 0; j < width; j++) {
            sum += a[from + j] * b[at + j];
        }
        return sum / width;
    }

    /** Each value times its channel's γ. */
    private double[] timesGamma(double[] values) {
        double[] g = RowMajor.read(gamma.value());
        double[] out = new double[values.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = values[k] * g[(k % units) / shape.area()];
        }
        return out;
    }

    @Override
    public List<Parameter> parameters() {
        return bypassed ? List.of() : List.of(gamma, beta);
    }

    @Override
    public void setBnMode(BnMode mode) {
        bypassed = mode == BnMode.OFF;
    }

    @Override
    public Layer copy(LayerContext context) {
        var copy = new GroupNorm(shape, gamma.copy(context.dataType()), beta.copy(context.dataType()));
        copy.bypassed = bypassed;
        return copy;
    }

    /** Its entry is the same in modes on and frozen; none in mode off, where it is bypassed. */
    @Override
    public Optional<ExportEntry> exportEntry(BnMode mode) {
        if (mode == BnMode.OFF) {
            return Optional.empty();
        }
        var fields = new LinkedHashMap<String, Object>();
        fields.put("gamma", new ExportEntry.ArrayFile(shape.name() + "_gamma.npy", gamma.value(), shape.channels()));
        fields.put("beta", new ExportEntry.ArrayFile(shape.name() + "_beta.npy", beta.value(), shape.channels()));
        fields.putAll(shape.layoutFields());
        return Optional.of(new ExportEntry(shape.type(), fields));
    }

    @Override
    public void readState(ExportedLayer entry) throws IOException {
        entry.array("gamma").assignTo(gamma.value());
        entry.array("beta").assignTo(beta.value());
    }

    /** The spec it was built from (a LayerNormSpec or a GroupNormSpec). */
    public LayerSpec spec() {
        return (LayerSpec) shape;
    }
}
