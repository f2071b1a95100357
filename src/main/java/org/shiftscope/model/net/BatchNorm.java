// Batch Normalization over the batch axis, per unit (Ioffe & Szegedy 2015, arXiv 1502.03167, Alg. 1 and
// the backward pass of their Section 3), with learnable γ, β and running averages updated as PyTorch's
// BatchNorm1d does: biased batch variance for normalising, unbiased for the running variance. Like
// PyTorch it keeps the input and the per-unit mean and 1/σ for backward and recomputes x̂ there. The
// per-unit arithmetic is written as loops over row-major float64 copies (RowMajor): about 20 ND4J
// broadcasts and column reductions per layer cost more than the step's matrix products (README, "Speed").
package org.shiftscope.model.net;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;

public final class BatchNorm implements Layer {
    /** Scratch slots a pass uses: the layer input (becoming x̂), its tangent (becoming R{x̂}), δ, δ̇ and A. */
    static final int SCRATCH_SLOTS = 5;
    private static final int INPUT = 0;
    private static final int INPUT_TANGENT = 1;
    private static final int DELTA = 2;
    private static final int DELTA_TANGENT = 3;
    private static final int A = 4;

    private final Parameter gamma;        // (1, units)
    private final Parameter beta;         // (1, units)
    private final INDArray runningMean;   // (1, units)
    private final INDArray runningVar;    // (1, units)
    private final int units;
    private final double epsilon;
    private final double momentum;
    private final ScratchBuffers scratch;
    private BnMode mode = BnMode.ON;

    // The last forward pass, for backward; element (i, j) of a (batch, units) matrix is at i·units + j.
    private boolean usedBatchStatistics;
    private int rows;                      // batch
    private INDArray input;                // x (batch, units)
    private double[] mean;                 // μ, batch or running (units)
    private double[] inverseStd;           // s = 1/sqrt(σ² + ε) (units)
    // The last forwardTangent, for backwardTangent; per direction i of the block, (b, units) in row-major order.
    private int block;
    private INDArray inputTangent;         // ẋ (b·batch, units)
    private double[] meanInputTangent;     // mean(ẋ_i), 0 with fixed statistics
    private double[] meanXhatInputTangent; // mean(x̂⊙ẋ_i), 0 with fixed statistics
    private double[] inverseStdTangent;    // R{s}_i = −s²·mean(x̂⊙ẋ_i)

    public BatchNorm(String name, int units, double epsilon, double momentum, DataType dtype) {
        this(name, units, epsilon, momentum, dtype, new ScratchBuffers(SCRATCH_SLOTS));
    }

    /** @param scratch work arrays shared with the other layers of the same network */
    BatchNorm(String name, int units, double epsilon, double momentum, DataType dtype, ScratchBuffers scratch) {
        this.gamma = new Parameter(name + ".gamma", Nd4j.ones(dtype, 1, units));
        this.beta = new Parameter(name + ".beta", Nd4j.zeros(dtype, 1, units));
        this.runningMean = Nd4j.zeros(dtype, 1, units);
        this.runningVar = Nd4j.ones(dtype, 1, units);
        this.units = units;
        this.epsilon = epsilon;
        this.momentum = momentum;
        this.scratch = scratch;
    }

    public void setMode(BnMode mode) {
        this.mode = mode;
    }

    public BnMode mode() {
        return mode;
    }

    @Override
    public INDArray forward(INDArray x, Pass pass) {              // x: (batch, units)
        if (mode == BnMode.OFF) {
            return x;
        }
        requireColumns(x);
        rows = (int) x.size(0);
        input = x;
        usedBatchStatistics = mode == BnMode.ON && pass != Pass.INFERENCE;
        final int n = rows;
        final int u = units;
        double[] values = read(x, INPUT, 1);                          // x, then γ·x̂ + β in place (batch, units)
        double[] variance;
        if (usedBatchStatistics) {
            mean = new double[u];                              // (units)
            variance = new double[u];                          // biased σ²_B (units)
            batchMoments(values, mean, variance);
        } else {
            mean = RowMajor.read(runningMean);                     // (units)
            variance = RowMajor.read(runningVar);                  // (units)
        }
        inverseStd = new double[u];
        for (int j = 0; j < u; j++) {
            inverseStd[j] = 1.0 / Math.sqrt(variance[j] + epsilon);
        }
        double[] g = RowMajor.read(gamma.value());
        double[] b = RowMajor.read(beta.value());
        for (int i = 0; i < n; i++) {
            int row = i * u;
            for (int j = 0; j < u; j++) {
                values[row + j] = g[j] * ((values[row + j] - mean[j]) * inverseStd[j]) + b[j];
            }
        }
        if (usedBatchStatistics && pass == Pass.TRAINING_STEP) {
            updateRunningAverages(variance);
        }
        return RowMajor.matrix(values, x.dataType(), rows, units);
    }

    /**
     * Mean and biased variance per unit in one pass over the batch, summing x − K with the first row as the
     * shift K: the shifted sum-of-squares formula stays accurate when the mean is large against the spread
     * (Chan, Golub & LeVeque 1983, "Algorithms for computing the sample variance", Am. Stat. 37(3)).
     */
    private void batchMoments(double[] x, double[] mean, double[] variance) {
        final int n = rows;                                        // locals: the JIT keeps them in registers
        final int u = units;
        var sum = new double[u];
        var sumOfSquares = new double[u];
        for (int i = 0; i < n; i++) {
            int row = i * u;
            for (int j = 0; j < u; j++) {
                double shifted = x[row + j] - x[j];
                sum[j] += shifted;
                sumOfSquares[j] += shifted * shifted;
            }
        }
        for (int j = 0; j < u; j++) {
            double shiftedMean = sum[j] / n;
            mean[j] = x[j] + shiftedMean;
            variance[j] = Math.max(0.0, sumOfSquares[j] / n - shiftedMean * shiftedMean);
        }
    }

    /** running ← (1 − momentum)·running + momentum·batch, with the unbiased variance B/(B − 1)·σ²_B. */
    private void updateRunningAverages(double[] variance) {
        double unbias = rows > 1 ? (double) rows / (rows - 1) : 1.0;
        double[] runMean = RowMajor.read(runningMean);
        double[] runVar = RowMajor.read(runningVar);
        for (int j = 0; j < units; j++) {
            runMean[j] = (1 - momentum) * runMean[j] + momentum * mean[j];
            runVar[j] = (1 - momentum) * runVar[j] + momentum * unbias * variance[j];
        }
        RowMajor.write(runMean, runningMean);
        RowMajor.write(runVar, runningVar);
    }

    @Override
    public INDArray backward(INDArray dOut) {                      // dOut: (batch, units)
        if (mode == BnMode.OFF) {
            return dOut;
        }
        final int n = rows;                                        // locals: the JIT keeps them in registers
        final int u = units;
        final double[] inverseStdLocal = inverseStd;
        double[] xhat = normalizedInput();                         // (batch, units)
        double[] delta = read(dOut, DELTA, 1);                        // δ, then dx in place (batch, units)
        double[] g = RowMajor.read(gamma.value());
        var sumDelta = new double[u];                          // Σ δ (units): dβ
        var sumDeltaXhat = new double[u];                      // Σ δ⊙x̂ (units): dγ
        for (int i = 0; i < n; i++) {
            int row = i * u;
            for (int j = 0; j < u; j++) {
                sumDelta[j] += delta[row + j];
                sumDeltaXhat[j] += delta[row + j] * xhat[row + j];
            }
        }
        RowMajor.add(gamma.gradient(), sumDeltaXhat);
        RowMajor.add(beta.gradient(), sumDelta);
        // dx̂ = γ·δ; with batch statistics dx = s·(dx̂ − mean(dx̂) − x̂·mean(dx̂⊙x̂)), Ioffe & Szegedy Section 3,
        // where mean(dx̂) = γ·Σδ/B and mean(dx̂⊙x̂) = γ·Σ(δ⊙x̂)/B; with fixed statistics dx = s·dx̂.
        // Per unit that is dx = a·δ + b + c·x̂, with the coefficients below.
        var a = new double[u];
        var b = new double[u];
        var c = new double[u];
        for (int j = 0; j < u; j++) {
            a[j] = inverseStdLocal[j] * g[j];
            if (usedBatchStatistics) {
                b[j] = -a[j] * sumDelta[j] / n;
                c[j] = -a[j] * sumDeltaXhat[j] / n;
            }
        }
        for (int i = 0; i < n; i++) {
            int row = i * u;
            for (int j = 0; j < u; j++) {
                delta[row + j] = a[j] * delta[row + j] + b[j] + c[j] * xhat[row + j];
            }
        }
        return RowMajor.matrix(delta, dOut.dataType(), n, u);
    }

    /**
     * With batch statistics, writing s = 1/sqrt(σ² + ε): R{s} = −s²·mean(x̂⊙ẋ) and
     * R{x̂} = s·(ẋ − mean(ẋ) − x̂·mean(x̂⊙ẋ)); with fixed statistics R{x̂} = s·ẋ.
     * The output's tangent is v_γ·x̂ + γ·R{x̂} + v_β, for each direction of the block.
     */
    @Override
    public INDArray forwardTangent(INDArray dx, int block) {      // (b·batch, units)
        if (mode == BnMode.OFF) {
            return dx;
        }
        final int n = rows;                                        // locals: the JIT keeps them in registers
        final int u = units;
        this.block = block;
        inputTangent = dx;
        double[] xhat = normalizedInput();                         // (batch, units)
        double[] tangent = read(dx, INPUT_TANGENT, block);         // ẋ, then R{x̂}, then the output's tangent
        meanInputTangent = new double[block * u];              // (b, units)
        meanXhatInputTangent = new double[block * u];          // (b, units)
        inverseStdTangent = new double[block * u];             // (b, units)
        if (usedBatchStatistics) {
            for (int b = 0; b < block; b++) {
                int slice = b * n * u;
                int stats = b * u;
                for (int i = 0; i < n; i++) {
                    int row = i * u;
                    for (int j = 0; j < u; j++) {
                        double t = tangent[slice + row + j];
                        meanInputTangent[stats + j] += t;
                        meanXhatInputTangent[stats + j] += xhat[row + j] * t;
                    }
                }
                for (int j = 0; j < u; j++) {
                    meanInputTangent[stats + j] /= n;
                    meanXhatInputTangent[stats + j] /= n;
                    inverseStdTangent[stats + j] = -inverseStd[j] * inverseStd[j] * meanXhatInputTangent[stats + j];
                }
            }
        }
        normalizeTangent(xhat, tangent);
        double[] g = RowMajor.read(gamma.value());                 // (units)
        double[] vGamma = RowMajor.read(gamma.directions(block));  // (b, units)
        double[] vBeta = RowMajor.read(beta.directions(block));    // (b, units)
        for (int b = 0; b < block; b++) {
            int slice = b * n * u;
            int stats = b * u;
            for (int i = 0; i < n; i++) {
                int row = i * u;
                for (int j = 0; j < u; j++) {
                    int k = slice + row + j;
                    tangent[k] = vGamma[stats + j] * xhat[row + j] + g[j] * tangent[k] + vBeta[stats + j];
                }
            }
        }
        return RowMajor.matrix(tangent, dx.dataType(), (long) block * n, u);
    }

    /**
     * With d = γ·δ and Ḋ = R{d} = γ·δ̇ + v_γ·δ: dx = s·A with A = d − mean(d) − x̂·mean(d⊙x̂), and
     * R{dx} = R{s}·A + s·R{A}, R{A} = Ḋ − mean(Ḋ) − R{x̂}·mean(d⊙x̂) − x̂·mean(Ḋ⊙x̂ + d⊙R{x̂}).
     * With fixed statistics dx = s·d and R{dx} = s·Ḋ. R{dγ} = Σ(δ̇⊙x̂ + δ⊙R{x̂}), R{dβ} = Σ δ̇.
     * δ, d, A and dx are shared by the block; the R{·} are per direction.
     */
    @Override
    public Tangent backwardTangent(Tangent dOut, int block) {
        if (mode == BnMode.OFF) {
            return dOut;
        }
        final int n = rows;                                        // locals: the JIT keeps them in registers
        final int u = units;
        double[] xhat = normalizedInput();                               // x̂ (batch, units)
        double[] xhatTangent = read(inputTangent, INPUT_TANGENT, block); // ẋ, then R{x̂} (b·batch, units)
        normalizeTangent(xhat, xhatTangent);
        double[] d = read(dOut.value(), DELTA, 1);                       // δ, then d = γ·δ, then A, then dx (batch, units)
        double[] dTangent = read(dOut.tangent(), DELTA_TANGENT, block);  // δ̇, then Ḋ, then R{dx} (b·batch, units)
        double[] g = RowMajor.read(gamma.value());                       // (units)
        double[] vGamma = RowMajor.read(gamma.directions(block));        // (b, units)
        var gammaCurvature = new double[block * u];                  // (b, units)
        var betaCurvature = new double[block * u];                   // (b, units)
        for (int b = 0; b < block; b++) {
            int slice = b * n * u;
            int stats = b * u;
            for (int i = 0; i < n; i++) {
                int row = i * u;
                for (int j = 0; j < u; j++) {
                    int k = slice + row + j;
                    gammaCurvature[stats + j] += dTangent[k] * xhat[row + j] + d[row + j] * xhatTangent[k];
                    betaCurvature[stats + j] += dTangent[k];
                    dTangent[k] = g[j] * dTangent[k] + vGamma[stats + j] * d[row + j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            int row = i * u;
            for (int j = 0; j < u; j++) {
                d[row + j] *= g[j];
            }
        }
        RowMajor.add(gamma.curvatures(block), gammaCurvature);
        RowMajor.add(beta.curvatures(block), betaCurvature);
        if (usedBatchStatistics) {
            backwardTangentThroughBatchStatistics(xhat, xhatTangent, d, dTangent, block);
        } else {
            for (int b = 0; b < block; b++) {
                int slice = b * n * u;
                for (int i = 0; i < n; i++) {
                    int row = i * u;
                    for (int j = 0; j < u; j++) {
                        dTangent[slice + row + j] *= inverseStd[j];
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                int row = i * u;
                for (int j = 0; j < u; j++) {
                    d[row + j] *= inverseStd[j];
                }
            }
        }
        DataType type = dOut.value().dataType();
        return new Tangent(RowMajor.matrix(d, type, n, u),
                RowMajor.matrix(dTangent, type, (long) block * n, u));
    }

    /** d → dx = s·A and Ḋ_i → R{dx}_i = R{s}_i·A + s·R{A}_i in place (the batch-statistics case above). */
    private void backwardTangentThroughBatchStatistics(double[] xhat, double[] xhatTangent, double[] d, double[] dTangent,
                                                       int block) {
        final int n = rows;                                        // locals: the JIT keeps them in registers
        final int u = units;
        final double[] inverseStdLocal = inverseStd;
        final double[] inverseStdTangentLocal = inverseStdTangent;
        double[] meanD = RowMajor.columnMeans(d, n, u);                      // (units)
        double[] meanDXhat = RowMajor.columnMeansOfProduct(d, xhat, n, u);   // (units)
        double[] a = scratch.get(A, n * u);                                  // A (batch, units)
        for (int i = 0; i < n; i++) {
            int row = i * u;
            for (int j = 0; j < u; j++) {
                a[row + j] = d[row + j] - meanD[j] - xhat[row + j] * meanDXhat[j];
            }
        }
        var meanDTangent = new double[u];
        var meanDTangentXhat = new double[u];
        var meanDXhatTangent = new double[u];
        for (int b = 0; b < block; b++) {
            int slice = b * n * u;
            int stats = b * u;
            Arrays.fill(meanDTangent, 0);
            Arrays.fill(meanDTangentXhat, 0);
            Arrays.fill(meanDXhatTangent, 0);
            for (int i = 0; i < n; i++) {
                int row = i * u;
                for (int j = 0; j < u; j++) {
                    double dt = dTangent[slice + row + j];
                    meanDTangent[j] += dt;
                    meanDTangentXhat[j] += dt * xhat[row + j];
                    meanDXhatTangent[j] += d[row + j] * xhatTangent[slice + row + j];
                }
            }
            for (int j = 0; j < u; j++) {
                meanDTangent[j] /= n;
                meanDTangentXhat[j] /= n;
                meanDXhatTangent[j] /= n;
            }
            for (int i = 0; i < n; i++) {
                int row = i * u;
                for (int j = 0; j < u; j++) {
                    int k = slice + row + j;
                    double aTangent = dTangent[k] - meanDTangent[j] - xhatTangent[k] * meanDXhat[j]
                            - xhat[row + j] * (meanDTangentXhat[j] + meanDXhatTangent[j]);
                    dTangent[k] = inverseStdTangentLocal[stats + j] * a[row + j] + inverseStdLocal[j] * aTangent;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            int row = i * u;
            for (int j = 0; j < u; j++) {
                d[row + j] = inverseStdLocal[j] * a[row + j];
            }
        }
    }

    /** x̂ = (x − μ)·s of the last forward pass, recomputed from its input into the INPUT slot. */
    private double[] normalizedInput() {
        final int n = rows;                                        // locals: the JIT keeps them in registers
        final int u = units;
        final double[] inverseStdLocal = inverseStd;
        final double[] meanLocal = mean;
        double[] xhat = read(input, INPUT, 1);
        for (int i = 0; i < n; i++) {
            int row = i * u;
            for (int j = 0; j < u; j++) {
                xhat[row + j] = (xhat[row + j] - meanLocal[j]) * inverseStdLocal[j];
            }
        }
        return xhat;
    }

    /** ẋ_i → R{x̂}_i = s·(ẋ_i − mean(ẋ_i) − x̂·mean(x̂⊙ẋ_i)) in place, with the means of the last forwardTangent. */
    private void normalizeTangent(double[] xhat, double[] tangent) {
        final int n = rows;                                        // locals: the JIT keeps them in registers
        final int u = units;
        final double[] inverseStdLocal = inverseStd;
        final double[] meanInputTangentLocal = meanInputTangent;
        final double[] meanXhatInputTangentLocal = meanXhatInputTangent;
        for (int b = 0; b < block; b++) {
            int slice = b * n * u;
            int stats = b * u;
            for (int i = 0; i < n; i++) {
                int row = i * u;
                for (int j = 0; j < u; j++) {
                    int k = slice + row + j;
                    tangent[k] = inverseStdLocal[j]
                            * (tangent[k] - meanInputTangentLocal[stats + j] - xhat[row + j] * meanXhatInputTangentLocal[stats + j]);
                }
            }
        }
    }

    /** a (b·batch, units), with the batch of the last forward pass, copied into a scratch slot. */
    private double[] read(INDArray a, int slot, int block) {
        requireShape(a, block);
        double[] values = scratch.get(slot, block * rows * units);
        RowMajor.read(a, values);
        return values;
    }

    private void requireColumns(INDArray x) {
        if (x.rank() != 2 || x.size(1) != units) {
            throw new IllegalArgumentException("BatchNorm of " + units + " units got shape " + Arrays.toString(x.shape()));
        }
    }

    private void requireShape(INDArray a, int block) {
        requireColumns(a);
        if (a.size(0) != (long) block * rows) {
            throw new IllegalArgumentException("BatchNorm's last forward pass had " + rows + " rows, so a block of "
                    + block + " needs " + (long) block * rows + ", got " + a.size(0));
        }
    }

    @Override
    public List<Parameter> parameters() {
        return mode == BnMode.OFF ? List.of() : List.of(gamma, beta);
    }

    /** γ and β whatever the mode, for copying and export. */
    public List<Parameter> allParameters() {
        return List.of(gamma, beta);
    }

    public INDArray runningMean() {
        return runningMean;
    }

    public INDArray runningVariance() {
        return runningVar;
    }

    public double epsilon() {
        return epsilon;
    }

    public double momentum() {
        return momentum;
    }
}
