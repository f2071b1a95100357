// Batch Normalization over the batch axis, per unit (Ioffe & Szegedy 2015, arXiv 1502.03167, Alg. 1 and
// the backward pass of their Section 3), with learnable γ, β and running averages updated as PyTorch's
// BatchNorm1d does: biased batch variance for normalising, unbiased for the running variance. Like
// PyTorch it keeps the input and the per-unit mean and 1/σ for backward and recomputes x̂ there. The
// per-unit arithmetic is written as loops over row-major float64 copies (RowMajor): about 20 ND4J
// broadcasts and column reductions per layer cost more than the step's matrix products (README, "Speed").
// A pass may cut its rows into statistics groups (consecutive rows, each normalised with its own batch
// statistics): the Hessian pushes several training-sized chunks of its evaluation set through one pass.
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
    private int groupRows;                 // rows per statistics group; 0 = the whole batch is one group

    // The last forward pass, for backward; element (i, j) of a (batch, units) matrix is at i·units + j.
    // Per-group statistics are (groups, units) in row-major order; with running statistics there is one group.
    private boolean usedBatchStatistics;
    private int rows;                      // batch
    private int groupSize;                 // rows per group (the last group may have fewer)
    private int groups;
    private INDArray input;                // x (batch, units)
    private double[] mean;                 // μ per group, batch or running (groups, units)
    private double[] inverseStd;           // s = 1/sqrt(σ² + ε) per group (groups, units)
    // The last forwardTangent, for backwardTangent; per direction i of the block and group, (b, groups, units).
    private int block;
    private INDArray inputTangent;         // ẋ (b·batch, units)
    private double[] meanInputTangent;     // mean(ẋ_i) over the group, 0 with fixed statistics
    private double[] meanXhatInputTangent; // mean(x̂⊙ẋ_i) over the group, 0 with fixed statistics
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

    /**
     * Batch statistics over each group of this many consecutive rows instead of the whole batch (0 = the whole
     * batch), for passes that leave the running averages alone.
     */
    public void setStatisticsGroupRows(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("statistics group rows must be ≥ 0 (got " + rows + ")");
        }
        this.groupRows = rows;
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
        groupSize = usedBatchStatistics && groupRows > 0 ? Math.min(groupRows, rows) : rows;
        groups = (rows + groupSize - 1) / groupSize;
        if (groups > 1 && pass == Pass.TRAINING_STEP) {
            throw new IllegalStateException("statistics groups are for passes that leave the running averages alone");
        }
        final int u = units;
        double[] values = read(x, INPUT, 1);                       // x, then γ·x̂ + β in place (batch, units)
        double[] variance;
        if (usedBatchStatistics) {
            mean = new double[groups * u];                         // (groups, units)
            variance = new double[groups * u];                     // biased σ²_B (groups, units)
            for (int g = 0; g < groups; g++) {
                batchMoments(values, g, mean, variance);
            }
        } else {
            mean = RowMajor.read(runningMean);                     // (1, units)
            variance = RowMajor.read(runningVar);                  // (1, units)
        }
        inverseStd = new double[groups * u];
        for (int k = 0; k < inverseStd.length; k++) {
            inverseStd[k] = 1.0 / Math.sqrt(variance[k] + epsilon);
        }
        double[] gammaValue = RowMajor.read(gamma.value());
        double[] betaValue = RowMajor.read(beta.value());
        final double[] meanLocal = mean;
        final double[] inverseStdLocal = inverseStd;
        for (int g = 0; g < groups; g++) {
            int stats = g * u;
            for (int i = firstRow(g); i < endRow(g); i++) {
                int row = i * u;
                for (int j = 0; j < u; j++) {
                    values[row + j] = gammaValue[j] * ((values[row + j] - meanLocal[stats + j]) * inverseStdLocal[stats + j])
                            + betaValue[j];
                }
            }
        }
        if (usedBatchStatistics && pass == Pass.TRAINING_STEP) {
            updateRunningAverages(variance);
        }
        return RowMajor.matrix(values, x.dataType(), rows, u);
    }

    /**
     * Mean and biased variance per unit of group g in one pass over its rows, summing x − K with the group's
     * first row as the shift K: the shifted sum-of-squares formula stays accurate when the mean is large
     * against the spread (Chan, Golub & LeVeque 1983, "Algorithms for computing the sample variance", Am. Stat.
     * 37(3)).
     */
    private void batchMoments(double[] x, int g, double[] mean, double[] variance) {
        final int u = units;
        final int from = firstRow(g);
        final int to = endRow(g);
        final int shift = from * u;
        final int stats = g * u;
        var sum = new double[u];
        var sumOfSquares = new double[u];
        for (int i = from; i < to; i++) {
            int row = i * u;
            for (int j = 0; j < u; j++) {
                double shifted = x[row + j] - x[shift + j];
                sum[j] += shifted;
                sumOfSquares[j] += shifted * shifted;
            }
        }
        int count = to - from;
        for (int j = 0; j < u; j++) {
            double shiftedMean = sum[j] / count;
            mean[stats + j] = x[shift + j] + shiftedMean;
            variance[stats + j] = Math.max(0.0, sumOfSquares[j] / count - shiftedMean * shiftedMean);
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
        return backward(dOut, true);
    }

    @Override
    public INDArray backwardInput(INDArray dOut) {
        return backward(dOut, false);
    }

    private INDArray backward(INDArray dOut, boolean accumulateGradients) {
        if (mode == BnMode.OFF) {
            return dOut;
        }
        final int u = units;
        final double[] inverseStdLocal = inverseStd;
        double[] xhat = normalizedInput();                         // (batch, units)
        double[] delta = read(dOut, DELTA, 1);                     // δ, then dx in place (batch, units)
        double[] gammaValue = RowMajor.read(gamma.value());
        var sumDelta = new double[groups * u];                     // Σ δ per group (groups, units): dβ
        var sumDeltaXhat = new double[groups * u];                 // Σ δ⊙x̂ per group (groups, units): dγ
        for (int g = 0; g < groups; g++) {
            int stats = g * u;
            for (int i = firstRow(g); i < endRow(g); i++) {
                int row = i * u;
                for (int j = 0; j < u; j++) {
                    sumDelta[stats + j] += delta[row + j];
                    sumDeltaXhat[stats + j] += delta[row + j] * xhat[row + j];
                }
            }
        }
        if (accumulateGradients) {
            RowMajor.add(gamma.gradient(), sumOverGroups(sumDeltaXhat));
            RowMajor.add(beta.gradient(), sumOverGroups(sumDelta));
        }
        // dx̂ = γ·δ; with batch statistics dx = s·(dx̂ − mean(dx̂) − x̂·mean(dx̂⊙x̂)), Ioffe & Szegedy Section 3,
        // where mean(dx̂) = γ·Σδ/B and mean(dx̂⊙x̂) = γ·Σ(δ⊙x̂)/B over the group; with fixed statistics dx = s·dx̂.
        // Per unit and group that is dx = a·δ + b + c·x̂, with the coefficients below.
        var a = new double[groups * u];
        var b = new double[groups * u];
        var c = new double[groups * u];
        for (int g = 0; g < groups; g++) {
            int stats = g * u;
            int count = endRow(g) - firstRow(g);
            for (int j = 0; j < u; j++) {
                a[stats + j] = inverseStdLocal[stats + j] * gammaValue[j];
                if (usedBatchStatistics) {
                    b[stats + j] = -a[stats + j] * sumDelta[stats + j] / count;
                    c[stats + j] = -a[stats + j] * sumDeltaXhat[stats + j] / count;
                }
            }
        }
        for (int g = 0; g < groups; g++) {
            int stats = g * u;
            for (int i = firstRow(g); i < endRow(g); i++) {
                int row = i * u;
                for (int j = 0; j < u; j++) {
                    delta[row + j] = a[stats + j] * delta[row + j] + b[stats + j] + c[stats + j] * xhat[row + j];
                }
            }
        }
        return RowMajor.matrix(delta, dOut.dataType(), rows, u);
    }

    /**
     * With batch statistics, writing s = 1/sqrt(σ² + ε): R{s} = −s²·mean(x̂⊙ẋ) and
     * R{x̂} = s·(ẋ − mean(ẋ) − x̂·mean(x̂⊙ẋ)), means over the group; with fixed statistics R{x̂} = s·ẋ.
     * The output's tangent is v_γ·x̂ + γ·R{x̂} + v_β, for each direction of the block.
     */
    @Override
    public INDArray forwardTangent(INDArray dx, int block) {      // (b·batch, units)
        if (mode == BnMode.OFF) {
            return dx;
        }
        final int n = rows;
        final int u = units;
        this.block = block;
        inputTangent = dx;
        double[] xhat = normalizedInput();                         // (batch, units)
        double[] tangent = read(dx, INPUT_TANGENT, block);         // ẋ, then R{x̂}, then the output's tangent
        meanInputTangent = new double[block * groups * u];         // (b, groups, units)
        meanXhatInputTangent = new double[block * groups * u];     // (b, groups, units)
        inverseStdTangent = new double[block * groups * u];        // (b, groups, units)
        if (usedBatchStatistics) {
            final double[] inverseStdLocal = inverseStd;
            for (int b = 0; b < block; b++) {
                int slice = b * n * u;
                for (int g = 0; g < groups; g++) {
                    int stats = g * u;
                    int moments = (b * groups + g) * u;
                    for (int i = firstRow(g); i < endRow(g); i++) {
                        int row = i * u;
                        for (int j = 0; j < u; j++) {
                            double t = tangent[slice + row + j];
                            meanInputTangent[moments + j] += t;
                            meanXhatInputTangent[moments + j] += xhat[row + j] * t;
                        }
                    }
                    int count = endRow(g) - firstRow(g);
                    for (int j = 0; j < u; j++) {
                        meanInputTangent[moments + j] /= count;
                        meanXhatInputTangent[moments + j] /= count;
                        double s = inverseStdLocal[stats + j];
                        inverseStdTangent[moments + j] = -s * s * meanXhatInputTangent[moments + j];
                    }
                }
            }
        }
        normalizeTangent(xhat, tangent);
        double[] gammaValue = RowMajor.read(gamma.value());        // (units)
        double[] vGamma = RowMajor.read(gamma.directions(block));  // (b, units)
        double[] vBeta = RowMajor.read(beta.directions(block));    // (b, units)
        for (int b = 0; b < block; b++) {
            int slice = b * n * u;
            int direction = b * u;
            for (int i = 0; i < n; i++) {
                int row = i * u;
                for (int j = 0; j < u; j++) {
                    int k = slice + row + j;
                    tangent[k] = vGamma[direction + j] * xhat[row + j] + gammaValue[j] * tangent[k] + vBeta[direction + j];
                }
            }
        }
        return RowMajor.matrix(tangent, dx.dataType(), (long) block * n, u);
    }

    /**
     * With d = γ·δ and Ḋ = R{d} = γ·δ̇ + v_γ·δ: dx = s·A with A = d − mean(d) − x̂·mean(d⊙x̂), and
     * R{dx} = R{s}·A + s·R{A}, R{A} = Ḋ − mean(Ḋ) − R{x̂}·mean(d⊙x̂) − x̂·mean(Ḋ⊙x̂ + d⊙R{x̂}), means over
     * the group. With fixed statistics R{dx} = s·Ḋ. R{dγ} = Σ(δ̇⊙x̂ + δ⊙R{x̂}), R{dβ} = Σ δ̇.
     * δ, d and A are shared by the block; the R{·} are per direction.
     */
    @Override
    public INDArray backwardTangent(INDArray delta, INDArray deltaTangent, int block) {
        if (mode == BnMode.OFF) {
            return deltaTangent;
        }
        final int n = rows;
        final int u = units;
        double[] xhat = normalizedInput();                               // x̂ (batch, units)
        double[] xhatTangent = read(inputTangent, INPUT_TANGENT, block); // ẋ, then R{x̂} (b·batch, units)
        normalizeTangent(xhat, xhatTangent);
        double[] d = read(delta, DELTA, 1);                              // δ, then d = γ·δ (batch, units)
        double[] dTangent = read(deltaTangent, DELTA_TANGENT, block);    // δ̇, then Ḋ, then R{dx} (b·batch, units)
        double[] gammaValue = RowMajor.read(gamma.value());              // (units)
        double[] vGamma = RowMajor.read(gamma.directions(block));        // (b, units)
        var gammaCurvature = new double[block * u];                      // (b, units)
        var betaCurvature = new double[block * u];                       // (b, units)
        for (int b = 0; b < block; b++) {
            int slice = b * n * u;
            int direction = b * u;
            for (int i = 0; i < n; i++) {
                int row = i * u;
                for (int j = 0; j < u; j++) {
                    int k = slice + row + j;
                    gammaCurvature[direction + j] += dTangent[k] * xhat[row + j] + d[row + j] * xhatTangent[k];
                    betaCurvature[direction + j] += dTangent[k];
                    dTangent[k] = gammaValue[j] * dTangent[k] + vGamma[direction + j] * d[row + j];
                }
            }
        }
        RowMajor.add(gamma.curvatures(block), gammaCurvature);
        RowMajor.add(beta.curvatures(block), betaCurvature);
        if (usedBatchStatistics) {
            for (int i = 0; i < n; i++) {
                int row = i * u;
                for (int j = 0; j < u; j++) {
                    d[row + j] *= gammaValue[j];
                }
            }
            backwardTangentThroughBatchStatistics(xhat, xhatTangent, d, dTangent, block);
        } else {
            final double[] inverseStdLocal = inverseStd;              // one group: (1, units)
            for (int b = 0; b < block; b++) {
                int slice = b * n * u;
                for (int i = 0; i < n; i++) {
                    int row = i * u;
                    for (int j = 0; j < u; j++) {
                        dTangent[slice + row + j] *= inverseStdLocal[j];
                    }
                }
            }
        }
        return RowMajor.matrix(dTangent, deltaTangent.dataType(), (long) block * n, u);
    }

    /** Ḋ_i → R{dx}_i = R{s}_i·A + s·R{A}_i in place (the batch-statistics case above), per group; d = γ·δ. */
    private void backwardTangentThroughBatchStatistics(double[] xhat, double[] xhatTangent, double[] d, double[] dTangent,
                                                       int block) {
        final int n = rows;
        final int u = units;
        final double[] inverseStdLocal = inverseStd;
        final double[] inverseStdTangentLocal = inverseStdTangent;
        double[] a = scratch.get(A, n * u);                                  // A (batch, units)
        var meanD = new double[u];
        var meanDXhat = new double[u];
        var meanDTangent = new double[u];
        var meanDTangentXhat = new double[u];
        var meanDXhatTangent = new double[u];
        for (int g = 0; g < groups; g++) {
            final int from = firstRow(g);
            final int to = endRow(g);
            final int count = to - from;
            final int stats = g * u;
            Arrays.fill(meanD, 0);
            Arrays.fill(meanDXhat, 0);
            for (int i = from; i < to; i++) {
                int row = i * u;
                for (int j = 0; j < u; j++) {
                    meanD[j] += d[row + j];
                    meanDXhat[j] += d[row + j] * xhat[row + j];
                }
            }
            for (int j = 0; j < u; j++) {
                meanD[j] /= count;
                meanDXhat[j] /= count;
            }
            for (int i = from; i < to; i++) {
                int row = i * u;
                for (int j = 0; j < u; j++) {
                    a[row + j] = d[row + j] - meanD[j] - xhat[row + j] * meanDXhat[j];
                }
            }
            for (int b = 0; b < block; b++) {
                final int slice = b * n * u;
                final int moments = (b * groups + g) * u;
                Arrays.fill(meanDTangent, 0);
                Arrays.fill(meanDTangentXhat, 0);
                Arrays.fill(meanDXhatTangent, 0);
                for (int i = from; i < to; i++) {
                    int row = i * u;
                    for (int j = 0; j < u; j++) {
                        double dt = dTangent[slice + row + j];
                        meanDTangent[j] += dt;
                        meanDTangentXhat[j] += dt * xhat[row + j];
                        meanDXhatTangent[j] += d[row + j] * xhatTangent[slice + row + j];
                    }
                }
                for (int j = 0; j < u; j++) {
                    meanDTangent[j] /= count;
                    meanDTangentXhat[j] /= count;
                    meanDXhatTangent[j] /= count;
                }
                for (int i = from; i < to; i++) {
                    int row = i * u;
                    for (int j = 0; j < u; j++) {
                        int k = slice + row + j;
                        double aTangent = dTangent[k] - meanDTangent[j] - xhatTangent[k] * meanDXhat[j]
                                - xhat[row + j] * (meanDTangentXhat[j] + meanDXhatTangent[j]);
                        dTangent[k] = inverseStdTangentLocal[moments + j] * a[row + j] + inverseStdLocal[stats + j] * aTangent;
                    }
                }
            }
        }
    }

    /** x̂ = (x − μ)·s of the last forward pass, recomputed from its input into the INPUT slot. */
    private double[] normalizedInput() {
        final int u = units;
        final double[] meanLocal = mean;
        final double[] inverseStdLocal = inverseStd;
        double[] xhat = read(input, INPUT, 1);
        for (int g = 0; g < groups; g++) {
            int stats = g * u;
            for (int i = firstRow(g); i < endRow(g); i++) {
                int row = i * u;
                for (int j = 0; j < u; j++) {
                    xhat[row + j] = (xhat[row + j] - meanLocal[stats + j]) * inverseStdLocal[stats + j];
                }
            }
        }
        return xhat;
    }

    /** ẋ_i → R{x̂}_i = s·(ẋ_i − mean(ẋ_i) − x̂·mean(x̂⊙ẋ_i)) in place, with the means of the last forwardTangent. */
    private void normalizeTangent(double[] xhat, double[] tangent) {
        final int n = rows;
        final int u = units;
        final double[] inverseStdLocal = inverseStd;
        final double[] meanInputTangentLocal = meanInputTangent;
        final double[] meanXhatInputTangentLocal = meanXhatInputTangent;
        for (int b = 0; b < block; b++) {
            int slice = b * n * u;
            for (int g = 0; g < groups; g++) {
                int stats = g * u;
                int moments = (b * groups + g) * u;
                for (int i = firstRow(g); i < endRow(g); i++) {
                    int row = i * u;
                    for (int j = 0; j < u; j++) {
                        int k = slice + row + j;
                        tangent[k] = inverseStdLocal[stats + j] * (tangent[k] - meanInputTangentLocal[moments + j]
                                - xhat[row + j] * meanXhatInputTangentLocal[moments + j]);
                    }
                }
            }
        }
    }

    private int firstRow(int group) {
        return group * groupSize;
    }

    private int endRow(int group) {
        return Math.min(rows, (group + 1) * groupSize);
    }

    /** (groups, units) → (units): the per-group sums added up, for a parameter gradient. */
    private double[] sumOverGroups(double[] perGroup) {
        var total = new double[units];
        for (int k = 0; k < perGroup.length; k++) {
            total[k % units] += perGroup[k];
        }
        return total;
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
