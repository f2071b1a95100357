// The R-operator passes (Pearlmutter 1994) of a BatchNorm layer for a block of b directions, written out
// per unit and statistics group over row-major float64 copies (RowMajor), on the layer's last forward pass.
// Derivation: differentiate Ioffe & Szegedy 2015 (arXiv 1502.03167), Alg. 1 and Section 3, along each direction.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

final class BatchNormTangents {
    private final Parameter gamma;          // (1, units)
    private final Parameter beta;           // (1, units)
    private final BatchNormPass pass;
    // The last forward(), for backward(); per direction i of the block and group, (b, groups, units).
    private int block;
    private INDArray inputTangent;         // ẋ (b·batch, units)
    private double[] meanInputTangent;     // mean(ẋ_i) over the group, 0 with fixed statistics
    private double[] meanXhatInputTangent; // mean(x̂⊙ẋ_i) over the group, 0 with fixed statistics
    private double[] inverseStdTangent;    // R{s}_i = −s²·mean(x̂⊙ẋ_i)

    BatchNormTangents(Parameter gamma, Parameter beta, BatchNormPass pass) {
        this.gamma = gamma;
        this.beta = beta;
        this.pass = pass;
    }

    /**
     * With batch statistics, writing s = 1/sqrt(σ² + ε): R{s} = −s²·mean(x̂⊙ẋ) and
     * R{x̂} = s·(ẋ − mean(ẋ) − x̂·mean(x̂⊙ẋ)), means over the group; with fixed statistics R{x̂} = s·ẋ.
     * The output's tangent is v_γ·x̂ + γ·R{x̂} + v_β, for each direction of the block.
     */
    INDArray forward(INDArray dx, int block) {      // (b·batch, units)
        final int n = pass.rows;
        final int u = pass.units;
        this.block = block;
        inputTangent = dx;
        double[] xhat = pass.normalizedInput();                         // (batch, units)
        double[] tangent = pass.read(dx, BatchNormPass.INPUT_TANGENT, block);         // ẋ, then R{x̂}, then the output's tangent
        meanInputTangent = new double[block * pass.groups * u];         // (b, groups, units)
        meanXhatInputTangent = new double[block * pass.groups * u];     // (b, groups, units)
        inverseStdTangent = new double[block * pass.groups * u];        // (b, groups, units)
        if (pass.usedBatchStatistics) {
            final double[] inverseStdLocal = pass.inverseStd;
            for (int b = 0; b < block; b++) {
                int slice = b * n * u;
                for (int g = 0; g < pass.groups; g++) {
                    int stats = g * u;
                    int moments = (b * pass.groups + g) * u;
                    for (int i = pass.firstRow(g); i < pass.endRow(g); i++) {
                        int row = i * u;
                        for (int j = 0; j < u; j++) {
                            double t = tangent[slice + row + j];
                            meanInputTangent[moments + j] += t;
                            meanXhatInputTangent[moments + j] += xhat[row + j] * t;
                        }
                    }
                    int count = pass.endRow(g) - pass.firstRow(g);
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
    INDArray backward(INDArray delta, INDArray deltaTangent, int block) {
        final int n = pass.rows;
        final int u = pass.units;
        double[] xhat = pass.normalizedInput();                               // x̂ (batch, units)
        double[] xhatTangent = pass.read(inputTangent, BatchNormPass.INPUT_TANGENT, block); // ẋ, then R{x̂} (b·batch, units)
        normalizeTangent(xhat, xhatTangent);
        double[] d = pass.read(delta, BatchNormPass.DELTA, 1);                              // δ, then d = γ·δ (batch, units)
        double[] dTangent = pass.read(deltaTangent, BatchNormPass.DELTA_TANGENT, block);    // δ̇, then Ḋ, then R{dx} (b·batch, units)
        double[] gammaValue = RowMajor.read(gamma.value());              // (units)
        double[] vGamma = RowMajor.read(gamma.directions(block));        // (b, units)
        var gammaHvp = new double[block * u];                      // (b, units)
        var betaHvp = new double[block * u];                       // (b, units)
        for (int b = 0; b < block; b++) {
            int slice = b * n * u;
            int direction = b * u;
            for (int i = 0; i < n; i++) {
                int row = i * u;
                for (int j = 0; j < u; j++) {
                    int k = slice + row + j;
                    gammaHvp[direction + j] += dTangent[k] * xhat[row + j] + d[row + j] * xhatTangent[k];
                    betaHvp[direction + j] += dTangent[k];
                    dTangent[k] = gammaValue[j] * dTangent[k] + vGamma[direction + j] * d[row + j];
                }
            }
        }
        RowMajor.add(gamma.hvpSlices(block), gammaHvp);
        RowMajor.add(beta.hvpSlices(block), betaHvp);
        if (pass.usedBatchStatistics) {
            for (int i = 0; i < n; i++) {
                int row = i * u;
                for (int j = 0; j < u; j++) {
                    d[row + j] *= gammaValue[j];
                }
            }
            backwardThroughBatchStatistics(xhat, xhatTangent, d, dTangent, block);
        } else {
            final double[] inverseStdLocal = pass.inverseStd;              // one group: (1, units)
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
    private void backwardThroughBatchStatistics(double[] xhat, double[] xhatTangent, double[] d, double[] dTangent,
                                                       int block) {
        final int n = pass.rows;
        final int u = pass.units;
        final double[] inverseStdLocal = pass.inverseStd;
        final double[] inverseStdTangentLocal = inverseStdTangent;
        double[] a = pass.scratch(BatchNormPass.A);                                  // A (batch, units)
        var meanD = new double[u];
        var meanDXhat = new double[u];
        var meanDTangent = new double[u];
        var meanDTangentXhat = new double[u];
        var meanDXhatTangent = new double[u];
        for (int g = 0; g < pass.groups; g++) {
            final int from = pass.firstRow(g);
            final int to = pass.endRow(g);
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
                final int moments = (b * pass.groups + g) * u;
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

    /** ẋ_i → R{x̂}_i = s·(ẋ_i − mean(ẋ_i) − x̂·mean(x̂⊙ẋ_i)) in place, with the means of the last forwardTangent. */
    private void normalizeTangent(double[] xhat, double[] tangent) {
        final int n = pass.rows;
        final int u = pass.units;
        final double[] inverseStdLocal = pass.inverseStd;
        final double[] meanInputTangentLocal = meanInputTangent;
        final double[] meanXhatInputTangentLocal = meanXhatInputTangent;
        for (int b = 0; b < block; b++) {
            int slice = b * n * u;
            for (int g = 0; g < pass.groups; g++) {
                int stats = g * u;
                int moments = (b * pass.groups + g) * u;
                for (int i = pass.firstRow(g); i < pass.endRow(g); i++) {
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
}
