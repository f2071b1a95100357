// Batch Normalization over the batch axis, per unit (Ioffe & Szegedy 2015, arXiv 1502.03167, Alg. 1 and
// the backward pass of their Section 3), with learnable γ, β and running averages updated as PyTorch's
// BatchNorm1d does: biased batch variance for normalising, unbiased for the running variance. The
// per-unit arithmetic is written as loops over row-major double[] copies (RowMajor): about 20 ND4J
// broadcasts and column reductions per layer cost more than the step's matrix products (README, "Speed").
package org.shiftscope.model.net;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

public final class BatchNorm implements Layer {
    private final Parameter gamma;        // (1, units)
    private final Parameter beta;         // (1, units)
    private final INDArray runningMean;   // (1, units)
    private final INDArray runningVar;    // (1, units)
    private final int units;
    private final double epsilon;
    private final double momentum;
    private BnMode mode = BnMode.ON;

    // Cache of the last forward pass, for backward; element (i, j) of a (batch, units) matrix is at i·units + j.
    private boolean usedBatchStatistics;
    private int rows;                     // batch of the last forward pass
    private double[] normalized = new double[0];        // x̂ (batch, units)
    private double[] inverseStd;                         // s = 1/sqrt(σ² + ε) (units)
    private double[] normalizedTangent = new double[0]; // R{x̂} (batch, units)
    private double[] inverseStdTangent;                  // R{s} (units), batch statistics only
    private final double[][] buffers = new double[6][0];  // (batch, units) each: reused by every pass, not cached

    public BatchNorm(String name, int units, double epsilon, double momentum, DataType dtype) {
        this.gamma = new Parameter(name + ".gamma", Nd4j.ones(dtype, 1, units));
        this.beta = new Parameter(name + ".beta", Nd4j.zeros(dtype, 1, units));
        this.runningMean = Nd4j.zeros(dtype, 1, units);
        this.runningVar = Nd4j.ones(dtype, 1, units);
        this.units = units;
        this.epsilon = epsilon;
        this.momentum = momentum;
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
        rows = (int) x.size(0);
        usedBatchStatistics = mode == BnMode.ON && pass != Pass.INFERENCE;
        if (normalized.length != rows * units) {
            normalized = new double[rows * units];
        }
        RowMajor.read(x, normalized);                              // x, centred and scaled in place below
        double[] mean;
        double[] variance;
        if (usedBatchStatistics) {
            mean = new double[units];                              // (units)
            variance = new double[units];                          // biased σ²_B (units)
            batchMoments(normalized, mean, variance);
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
        var shift = new double[units];                             // x̂ = s·x − s·mean
        for (int j = 0; j < units; j++) {
            shift[j] = -mean[j] * inverseStd[j];
        }
        double[] out = buffer(0);                                  // γ·x̂ + β (batch, units)
        for (int i = 0; i < rows; i++) {
            int row = i * units;
            for (int j = 0; j < units; j++) {
                double xhat = normalized[row + j] * inverseStd[j] + shift[j];
                normalized[row + j] = xhat;
                out[row + j] = g[j] * xhat + b[j];
            }
        }
        if (usedBatchStatistics && pass == Pass.TRAINING_STEP) {
            updateRunningAverages(mean, variance);
        }
        return RowMajor.matrix(out, x.dataType(), rows, units);
    }

    /** Reusable (batch, units) buffer number slot, sized for the last forward pass; the training thread and the
     *  Hessian thread work on different copies of the network, so one layer is never used by two threads. */
    private double[] buffer(int slot) {
        if (buffers[slot].length != rows * units) {
            buffers[slot] = new double[rows * units];
        }
        return buffers[slot];
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
    private void updateRunningAverages(double[] mean, double[] variance) {
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
        double[] delta = buffer(0);                                // (batch, units)
        RowMajor.read(dOut, delta);
        double[] g = RowMajor.read(gamma.value());
        var sumDelta = new double[units];                          // Σ δ (units): dβ
        var sumDeltaXhat = new double[units];                      // Σ δ⊙x̂ (units): dγ
        for (int i = 0; i < rows; i++) {
            int row = i * units;
            for (int j = 0; j < units; j++) {
                sumDelta[j] += delta[row + j];
                sumDeltaXhat[j] += delta[row + j] * normalized[row + j];
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
                delta[row + j] = a[j] * delta[row + j] + b[j] + c[j] * normalized[row + j];   // now dx
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
        if (normalizedTangent.length != rows * units) {
            normalizedTangent = new double[rows * units];
        }
        RowMajor.read(dx, normalizedTangent);                      // ẋ, turned into R{x̂} in place below
        double[] meanDx = new double[units];
        double[] meanXhatDx = new double[units];
        inverseStdTangent = new double[units];
        if (usedBatchStatistics) {
            meanDx = RowMajor.columnMeans(normalizedTangent, rows, units);                           // (units)
            meanXhatDx = RowMajor.columnMeansOfProduct(normalized, normalizedTangent, rows, units);  // (units)
            for (int j = 0; j < units; j++) {
                inverseStdTangent[j] = -inverseStd[j] * inverseStd[j] * meanXhatDx[j];
            }
        }
        double[] g = RowMajor.read(gamma.value());
        double[] vGamma = RowMajor.read(gamma.direction());
        double[] vBeta = RowMajor.read(beta.direction());
        double[] out = buffer(0);                                  // (batch, units)
        for (int i = 0; i < rows; i++) {
            int row = i * units;
            for (int j = 0; j < units; j++) {
                double xhat = normalized[row + j];
                double xhatTangent = inverseStd[j] * (normalizedTangent[row + j] - meanDx[j] - xhat * meanXhatDx[j]);
                normalizedTangent[row + j] = xhatTangent;
                out[row + j] = vGamma[j] * xhat + g[j] * xhatTangent + vBeta[j];
            }
        }
        return RowMajor.matrix(out, dx.dataType(), rows, units);
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
        double[] delta = buffer(0);                                // (batch, units)
        double[] deltaTangent = buffer(1);                         // (batch, units)
        RowMajor.read(dOut.value(), delta);
        RowMajor.read(dOut.tangent(), deltaTangent);
        double[] g = RowMajor.read(gamma.value());
        double[] vGamma = RowMajor.read(gamma.direction());
        double[] d = buffer(2);                                    // dx̂ (batch, units)
        double[] dTangent = buffer(3);                             // R{dx̂} (batch, units)
        var gammaCurvature = new double[units];
        var betaCurvature = new double[units];
        for (int i = 0; i < rows; i++) {
            int row = i * units;
            for (int j = 0; j < units; j++) {
                int k = row + j;
                gammaCurvature[j] += deltaTangent[k] * normalized[k] + delta[k] * normalizedTangent[k];
                betaCurvature[j] += deltaTangent[k];
                d[k] = g[j] * delta[k];
                dTangent[k] = g[j] * deltaTangent[k] + vGamma[j] * delta[k];
            }
        }
        RowMajor.add(gamma.curvature(), gammaCurvature);
        RowMajor.add(beta.curvature(), betaCurvature);
        double[] dx = buffer(4);                                   // (batch, units)
        double[] dxTangent = buffer(5);                            // (batch, units)
        if (usedBatchStatistics) {
            double[] meanD = RowMajor.columnMeans(d, rows, units);                            // (units)
            double[] meanDTangent = RowMajor.columnMeans(dTangent, rows, units);              // (units)
            double[] meanDXhat = RowMajor.columnMeansOfProduct(d, normalized, rows, units);   // (units)
            double[] meanRest = RowMajor.columnMeansOfProduct(dTangent, normalized, rows, units); // (units)
            double[] meanDXhatTangent = RowMajor.columnMeansOfProduct(d, normalizedTangent, rows, units);
            for (int i = 0; i < rows; i++) {
                int row = i * units;
                for (int j = 0; j < units; j++) {
                    int k = row + j;
                    double a = d[k] - meanD[j] - normalized[k] * meanDXhat[j];
                    double aTangent = dTangent[k] - meanDTangent[j] - normalizedTangent[k] * meanDXhat[j]
                            - normalized[k] * (meanRest[j] + meanDXhatTangent[j]);
                    dx[k] = inverseStd[j] * a;
                    dxTangent[k] = inverseStdTangent[j] * a + inverseStd[j] * aTangent;
                }
            }
        } else {
            for (int i = 0; i < rows; i++) {
                int row = i * units;
                for (int j = 0; j < units; j++) {
                    dx[row + j] = inverseStd[j] * d[row + j];
                    dxTangent[row + j] = inverseStd[j] * dTangent[row + j];
                }
            }
        }
        DataType type = dOut.value().dataType();
        return new Tangent(RowMajor.matrix(dx, type, rows, units), RowMajor.matrix(dxTangent, type, rows, units));
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
