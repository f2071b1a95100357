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
    /** Scratch slots a pass uses: the layer input (becoming x̂), its tangent (becoming R{x̂}), δ and δ̇. */
    static final int SCRATCH_SLOTS = 4;
    private static final int INPUT = 0;
    private static final int INPUT_TANGENT = 1;
    private static final int DELTA = 2;
    private static final int DELTA_TANGENT = 3;

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
    // The last forwardTangent, for backwardTangent.
    private INDArray inputTangent;         // ẋ (batch, units)
    private double[] meanInputTangent;     // mean(ẋ) (units), 0 with fixed statistics
    private double[] meanXhatInputTangent; // mean(x̂⊙ẋ) (units), 0 with fixed statistics
    private double[] inverseStdTangent;    // R{s} = −s²·mean(x̂⊙ẋ) (units)

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
        double[] values = read(x, INPUT);                          // x, then γ·x̂ + β in place (batch, units)
        double[] variance;
        if (usedBatchStatistics) {
            mean = new double[units];                              // (units)
            variance = new double[units];                          // biased σ²_B (units)
            batchMoments(values, mean, variance);
        } else {
            mean = RowMajor.read(runningMean);                     // (units)
            variance = RowMajor.read(runningVar);                  // (units)
        }
        inverseStd = new double[units];
        for (int j = 0; j < units; j++) {
            inverseStd[j] = 1.0 / Math.sqrt(variance[j] + epsilon);
        }
        double[] g = RowMajor.read(gamma.value());
        double[] b = RowMajor.read(beta.value());
        for (int i = 0; i < rows; i++) {
            int row = i * units;
            for (int j = 0; j < units; j++) {
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
        var sum = new double[units];
        var sumOfSquares = new double[units];
        for (int i = 0; i < rows; i++) {
            int row = i * units;
            for (int j = 0; j < units; j++) {
                double shifted = x[row + j] - x[j];
                sum[j] += shifted;
                sumOfSquares[j] += shifted * shifted;
            }
        }
        for (int j = 0; j < units; j++) {
            double shiftedMean = sum[j] / rows;
            mean[j] = x[j] + shiftedMean;
            variance[j] = Math.max(0.0, sumOfSquares[j] / rows - shiftedMean * shiftedMean);
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
        double[] xhat = normalizedInput();                         // (batch, units)
        double[] delta = read(dOut, DELTA);                        // δ, then dx in place (batch, units)
        double[] g = RowMajor.read(gamma.value());
        var sumDelta = new double[units];                          // Σ δ (units): dβ
        var sumDeltaXhat = new double[units];                      // Σ δ⊙x̂ (units): dγ
        for (int i = 0; i < rows; i++) {
            int row = i * units;
            for (int j = 0; j < units; j++) {
                sumDelta[j] += delta[row + j];
                sumDeltaXhat[j] += delta[row + j] * xhat[row + j];
            }
        }
        RowMajor.add(gamma.gradient(), sumDeltaXhat);
        RowMajor.add(beta.gradient(), sumDelta);
        // dx̂ = γ·δ; with batch statistics dx = s·(dx̂ − mean(dx̂) − x̂·mean(dx̂⊙x̂)), Ioffe & Szegedy Section 3,
        // where mean(dx̂) = γ·Σδ/B and mean(dx̂⊙x̂) = γ·Σ(δ⊙x̂)/B; with fixed statistics dx = s·dx̂.
        // Per unit that is dx = a·δ + b + c·x̂, with the coefficients below.
        var a = new double[units];
        var b = new double[units];
        var c = new double[units];
        for (int j = 0; j < units; j++) {
            a[j] = inverseStd[j] * g[j];
            if (usedBatchStatistics) {
                b[j] = -a[j] * sumDelta[j] / rows;
                c[j] = -a[j] * sumDeltaXhat[j] / rows;
            }
        }
        for (int i = 0; i < rows; i++) {
            int row = i * units;
            for (int j = 0; j < units; j++) {
                delta[row + j] = a[j] * delta[row + j] + b[j] + c[j] * xhat[row + j];
            }
        }
        return RowMajor.matrix(delta, dOut.dataType(), rows, units);
    }

    /**
     * With batch statistics, writing s = 1/sqrt(σ² + ε): R{s} = −s²·mean(x̂⊙ẋ) and
     * R{x̂} = s·(ẋ − mean(ẋ) − x̂·mean(x̂⊙ẋ)); with fixed statistics R{x̂} = s·ẋ.
     * The output's tangent is v_γ·x̂ + γ·R{x̂} + v_β.
     */
    @Override
    public INDArray forwardTangent(INDArray dx) {                  // (batch, units)
        if (mode == BnMode.OFF) {
            return dx;
        }
        requireShape(dx);
        inputTangent = dx;
        double[] xhat = normalizedInput();                         // (batch, units)
        double[] tangent = read(dx, INPUT_TANGENT);                // ẋ, then R{x̂}, then the output's tangent
        inverseStdTangent = new double[units];
        if (usedBatchStatistics) {
            meanInputTangent = RowMajor.columnMeans(tangent, rows, units);                  // (units)
            meanXhatInputTangent = RowMajor.columnMeansOfProduct(xhat, tangent, rows, units); // (units)
            for (int j = 0; j < units; j++) {
                inverseStdTangent[j] = -inverseStd[j] * inverseStd[j] * meanXhatInputTangent[j];
            }
        } else {
            meanInputTangent = new double[units];
            meanXhatInputTangent = new double[units];
        }
        normalizeTangent(xhat, tangent);
        double[] g = RowMajor.read(gamma.value());
        double[] vGamma = RowMajor.read(gamma.direction());
        double[] vBeta = RowMajor.read(beta.direction());
        for (int i = 0; i < rows; i++) {
            int row = i * units;
            for (int j = 0; j < units; j++) {
                tangent[row + j] = vGamma[j] * xhat[row + j] + g[j] * tangent[row + j] + vBeta[j];
            }
        }
        return RowMajor.matrix(tangent, dx.dataType(), rows, units);
    }

    /**
     * With d = γ·δ and Ḋ = R{d} = γ·δ̇ + v_γ·δ: dx = s·A with A = d − mean(d) − x̂·mean(d⊙x̂), and
     * R{dx} = R{s}·A + s·R{A}, R{A} = Ḋ − mean(Ḋ) − R{x̂}·mean(d⊙x̂) − x̂·mean(Ḋ⊙x̂ + d⊙R{x̂}).
     * With fixed statistics dx = s·d and R{dx} = s·Ḋ. R{dγ} = Σ(δ̇⊙x̂ + δ⊙R{x̂}), R{dβ} = Σ δ̇.
     */
    @Override
    public Tangent backwardTangent(Tangent dOut) {
        if (mode == BnMode.OFF) {
            return dOut;
        }
        double[] xhat = normalizedInput();                         // x̂ (batch, units)
        double[] xhatTangent = read(inputTangent, INPUT_TANGENT);  // ẋ, then R{x̂} (batch, units)
        normalizeTangent(xhat, xhatTangent);
        double[] d = read(dOut.value(), DELTA);                    // δ, then d = γ·δ, then dx (batch, units)
        double[] dTangent = read(dOut.tangent(), DELTA_TANGENT);   // δ̇, then Ḋ, then R{dx} (batch, units)
        double[] g = RowMajor.read(gamma.value());
        double[] vGamma = RowMajor.read(gamma.direction());
        var gammaCurvature = new double[units];
        var betaCurvature = new double[units];
        for (int i = 0; i < rows; i++) {
            int row = i * units;
            for (int j = 0; j < units; j++) {
                int k = row + j;
                gammaCurvature[j] += dTangent[k] * xhat[k] + d[k] * xhatTangent[k];
                betaCurvature[j] += dTangent[k];
                dTangent[k] = g[j] * dTangent[k] + vGamma[j] * d[k];
                d[k] = g[j] * d[k];
            }
        }
        RowMajor.add(gamma.curvature(), gammaCurvature);
        RowMajor.add(beta.curvature(), betaCurvature);
        if (usedBatchStatistics) {
            double[] meanD = RowMajor.columnMeans(d, rows, units);                              // (units)
            double[] meanDTangent = RowMajor.columnMeans(dTangent, rows, units);                // (units)
            double[] meanDXhat = RowMajor.columnMeansOfProduct(d, xhat, rows, units);           // (units)
            double[] meanDTangentXhat = RowMajor.columnMeansOfProduct(dTangent, xhat, rows, units); // (units)
            double[] meanDXhatTangent = RowMajor.columnMeansOfProduct(d, xhatTangent, rows, units); // (units)
            for (int i = 0; i < rows; i++) {
                int row = i * units;
                for (int j = 0; j < units; j++) {
                    int k = row + j;
                    double a = d[k] - meanD[j] - xhat[k] * meanDXhat[j];
                    double aTangent = dTangent[k] - meanDTangent[j] - xhatTangent[k] * meanDXhat[j]
                            - xhat[k] * (meanDTangentXhat[j] + meanDXhatTangent[j]);
                    d[k] = inverseStd[j] * a;
                    dTangent[k] = inverseStdTangent[j] * a + inverseStd[j] * aTangent;
                }
            }
        } else {
            for (int i = 0; i < rows; i++) {
                int row = i * units;
                for (int j = 0; j < units; j++) {
                    d[row + j] *= inverseStd[j];
                    dTangent[row + j] *= inverseStd[j];
                }
            }
        }
        DataType type = dOut.value().dataType();
        return new Tangent(RowMajor.matrix(d, type, rows, units), RowMajor.matrix(dTangent, type, rows, units));
    }

    /** x̂ = (x − μ)·s of the last forward pass, recomputed from its input into the INPUT slot. */
    private double[] normalizedInput() {
        double[] xhat = read(input, INPUT);
        for (int i = 0; i < rows; i++) {
            int row = i * units;
            for (int j = 0; j < units; j++) {
                xhat[row + j] = (xhat[row + j] - mean[j]) * inverseStd[j];
            }
        }
        return xhat;
    }

    /** ẋ → R{x̂} = s·(ẋ − mean(ẋ) − x̂·mean(x̂⊙ẋ)) in place, with the means of the last forwardTangent. */
    private void normalizeTangent(double[] xhat, double[] tangent) {
        for (int i = 0; i < rows; i++) {
            int row = i * units;
            for (int j = 0; j < units; j++) {
                tangent[row + j] = inverseStd[j]
                        * (tangent[row + j] - meanInputTangent[j] - xhat[row + j] * meanXhatInputTangent[j]);
            }
        }
    }

    /** a (batch, units) with the batch of the last forward pass, copied into a scratch slot. */
    private double[] read(INDArray a, int slot) {
        requireShape(a);
        double[] values = scratch.get(slot, rows * units);
        RowMajor.read(a, values);
        return values;
    }

    private void requireColumns(INDArray x) {
        if (x.rank() != 2 || x.size(1) != units) {
            throw new IllegalArgumentException("BatchNorm of " + units + " units got shape " + Arrays.toString(x.shape()));
        }
    }

    private void requireShape(INDArray a) {
        requireColumns(a);
        if (a.size(0) != rows) {
            throw new IllegalArgumentException("BatchNorm's last forward pass had " + rows + " rows, got " + a.size(0));
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
