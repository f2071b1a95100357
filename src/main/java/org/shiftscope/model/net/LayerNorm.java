// Layer Normalization (Ba, Kiros & Hinton 2016, arXiv 1607.06450): each example is normalised over its own
// units, y = γ⊙(x − μ)·s + β with s = 1/sqrt(σ² + ε), so there are no batch statistics and no BN modes.
// Forward, backward and both R-operator passes (Pearlmutter 1994) are written out per row in float64.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

public final class LayerNorm implements Layer {
    private final LayerNormSpec spec;
    private final Parameter gamma;          // (1, units)
    private final Parameter beta;           // (1, units)
    private final int units;
    // The last forward pass.
    private int rows;
    private double[] xhat;                  // x̂ (batch, units)
    private double[] inverseStd;            // s (batch)
    // The last forwardTangent, per direction i of the block.
    private double[] xhatTangent;           // R{x̂}_i (b·batch, units)
    private double[] meanXhatInputTangent;  // a_i = mean over units of x̂⊙ẋ_i (b·batch)

    LayerNorm(LayerNormSpec spec, DataType type) {
        this(spec, new Parameter(spec.name() + ".gamma", Nd4j.ones(type, 1, spec.units())),
                new Parameter(spec.name() + ".beta", Nd4j.zeros(type, 1, spec.units())));
    }

    private LayerNorm(LayerNormSpec spec, Parameter gamma, Parameter beta) {
        this.spec = spec;
        this.gamma = gamma;
        this.beta = beta;
        this.units = spec.units();
    }

    @Override
    public INDArray forward(INDArray x, Pass pass) {           // (batch, units)
        rows = (int) x.size(0);
        double[] v = RowMajor.read(x);
        double[] g = RowMajor.read(gamma.value());
        double[] b = RowMajor.read(beta.value());
        xhat = new double[rows * units];
        inverseStd = new double[rows];
        double[] y = new double[rows * units];
        for (int i = 0; i < rows; i++) {
            int row = i * units;
            double mean = 0;
            for (int j = 0; j < units; j++) {
                mean += v[row + j];
            }
            mean /= units;
            double variance = 0;
            for (int j = 0; j < units; j++) {
                double d = v[row + j] - mean;
                variance += d * d;
            }
            double s = 1 / Math.sqrt(variance / units + spec.epsilon());
            inverseStd[i] = s;
            for (int j = 0; j < units; j++) {
                xhat[row + j] = (v[row + j] - mean) * s;
                y[row + j] = g[j] * xhat[row + j] + b[j];
            }
        }
        return RowMajor.matrix(y, x.dataType(), rows, units);   // (batch, units)
    }

    /** dγ = Σ rows dy⊙x̂, dβ = Σ rows dy; dx as {@link #backwardInput}. */
    @Override
    public INDArray backward(INDArray dOut) {                   // (batch, units)
        double[] d = RowMajor.read(dOut);
        double[] dGamma = new double[units];
        double[] dBeta = new double[units];
        for (int k = 0; k < d.length; k++) {
            dGamma[k % units] += d[k] * xhat[k];
            dBeta[k % units] += d[k];
        }
        RowMajor.add(gamma.gradient(), dGamma);
        RowMajor.add(beta.gradient(), dBeta);
        return backwardInput(dOut);
    }

    /** dx = J·(γ⊙dy) with the row's Jacobian J h = s·(h − mean(h) − x̂·mean(h⊙x̂)), which is symmetric. */
    @Override
    public INDArray backwardInput(INDArray dOut) {              // (batch, units)
        requireRows(dOut, 1);
        double[] h = times(RowMajor.read(dOut), RowMajor.read(gamma.value()));
        double[] dx = new double[h.length];
        for (int i = 0; i < rows; i++) {
            jacobian(h, i * units, i, dx);
        }
        return RowMajor.matrix(dx, dOut.dataType(), rows, units);
    }

    /**
     * R{x̂}_i = J·ẋ_i (J as in backwardInput), and the output's tangent v_γ·x̂ + γ⊙R{x̂}_i + v_β per direction;
     * a_i = mean(x̂⊙ẋ_i) is kept for the R-backward pass (it is the tangent of sqrt(σ² + ε)).
     */
    @Override
    public INDArray forwardTangent(INDArray inputTangents, int block) {   // (b·batch, units) or null
        int n = rows * units;
        double[] dx = inputTangents == null ? new double[block * n] : RowMajor.read(inputTangents);
        double[] g = RowMajor.read(gamma.value());
        double[] vGamma = RowMajor.read(gamma.directions(block));           // (b, units)
        double[] vBeta = RowMajor.read(beta.directions(block));             // (b, units)
        xhatTangent = new double[block * n];
        meanXhatInputTangent = new double[block * rows];
        double[] y = new double[block * n];
        for (int b = 0; b < block; b++) {
            for (int i = 0; i < rows; i++) {
                int at = b * n + i * units;
                meanXhatInputTangent[b * rows + i] = meanOfProduct(xhat, i * units, dx, at);
                jacobian(dx, at, i, xhatTangent, at);
                for (int j = 0; j < units; j++) {
                    y[at + j] = vGamma[b * units + j] * xhat[i * units + j] + g[j] * xhatTangent[at + j]
                            + vBeta[b * units + j];
                }
            }
        }
        DataType type = inputTangents == null ? gamma.value().dataType() : inputTangents.dataType();
        return RowMajor.matrix(y, type, (long) block * rows, units);        // (b·batch, units)
    }

    /**
     * With h = γ⊙δ and ḣ_i = v_γ⊙δ + γ⊙δ̇_i: R{dx}_i = J·ḣ_i − a_i·s·J·h − s·(R{x̂}_i·mean(h⊙x̂) + x̂·mean(h⊙R{x̂}_i));
     * R{dγ}_i = Σ rows (δ̇_i⊙x̂ + δ⊙R{x̂}_i) and R{dβ}_i = Σ rows δ̇_i go to the parameters' H·v slices.
     */
    @Override
    public INDArray backwardTangent(INDArray delta, INDArray deltaTangents, int block) {   // δ (batch, units)
        int n = rows * units;
        requireRows(delta, 1);
        requireRows(deltaTangents, block);
        double[] d = RowMajor.read(delta);
        double[] dt = RowMajor.read(deltaTangents);                         // δ̇ (b·batch, units)
        double[] g = RowMajor.read(gamma.value());
        double[] vGamma = RowMajor.read(gamma.directions(block));           // (b, units)
        double[] h = times(d, g);                                           // (batch, units)
        double[] jh = new double[n];
        for (int i = 0; i < rows; i++) {
            jacobian(h, i * units, i, jh, i * units);
        }
        double[] hvpGamma = new double[block * units];
        double[] hvpBeta = new double[block * units];
        double[] out = new double[block * n];
        double[] hDot = new double[units];
        double[] jhDot = new double[units];
        for (int b = 0; b < block; b++) {
            for (int i = 0; i < rows; i++) {
                int row = i * units;
                int at = b * n + row;
                for (int j = 0; j < units; j++) {
                    hDot[j] = vGamma[b * units + j] * d[row + j] + g[j] * dt[at + j];
                    hvpGamma[b * units + j] += dt[at + j] * xhat[row + j] + d[row + j] * xhatTangent[at + j];
                    hvpBeta[b * units + j] += dt[at + j];
                }
                jacobian(hDot, 0, i, jhDot, 0);
                double s = inverseStd[i];
                double a = meanXhatInputTangent[b * rows + i];
                double hXhat = meanOfProduct(h, row, xhat, row);
                double hXhatTangent = meanOfProduct(h, row, xhatTangent, at);
                for (int j = 0; j < units; j++) {
                    out[at + j] = jhDot[j] - a * s * jh[row + j]
                            - s * (xhatTangent[at + j] * hXhat + xhat[row + j] * hXhatTangent);
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
            throw new IllegalStateException("LayerNorm got " + a.size(0) + " × " + a.size(1) + " after a forward pass of "
                    + rows + " × " + units + " and " + block + " directions");
        }
    }

    /** out[to…] = J_row·h[from…] for example {@code row}: s·(h − mean(h) − x̂·mean(h⊙x̂)). */
    private void jacobian(double[] h, int from, int row, double[] out, int to) {
        int x = row * units;
        double mean = 0;
        for (int j = 0; j < units; j++) {
            mean += h[from + j];
        }
        mean /= units;
        double projection = meanOfProduct(h, from, xhat, x);
        double s = inverseStd[row];
        for (int j = 0; j < units; j++) {
            out[to + j] = s * (h[from + j] - mean - xhat[x + j] * projection);
        }
    }

    private void jacobian(double[] h, int from, int row, double[] out) {
        jacobian(h, from, row, out, from);
    }

    private double meanOfProduct(double[] a, int from, double[] b, int at) {
        double sum = 0;
        for (int j = 0; j < units; j++) {
            sum += a[from + j] * b[at + j];
        }
        return sum / units;
    }

    /** Each row of {@code rowsOf} times the per-unit {@code perUnit}. */
    private double[] times(double[] rowsOf, double[] perUnit) {
        double[] out = new double[rowsOf.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = rowsOf[k] * perUnit[k % units];
        }
        return out;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(gamma, beta);
    }

    @Override
    public Layer copy(LayerContext context) {
        return new LayerNorm(spec, gamma.copy(context.dataType()), beta.copy(context.dataType()));
    }

    /** Its entry is the same in every BN mode: the BN modes do not apply to it. */
    @Override
    public Optional<ExportEntry> exportEntry(BnMode mode) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("gamma", new ExportEntry.ArrayFile(spec.name() + "_gamma.npy", gamma.value(), units));
        fields.put("beta", new ExportEntry.ArrayFile(spec.name() + "_beta.npy", beta.value(), units));
        fields.put("eps", spec.epsilon());
        return Optional.of(new ExportEntry(LayerNormSpec.TYPE, fields));
    }

    @Override
    public void readState(ExportedLayer entry) throws IOException {
        entry.array("gamma").assignTo(gamma.value());
        entry.array("beta").assignTo(beta.value());
    }

    public LayerNormSpec spec() {
        return spec;
    }
}
