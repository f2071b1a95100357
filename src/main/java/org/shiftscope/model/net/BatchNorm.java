// Batch Normalization per unit over the batch (Ioffe & Szegedy 2015, arXiv 1502.03167, Alg. 1 and Section 3)
// with PyTorch BatchNorm1d's running averages (unbiased variance), as loops over row-major float64 copies
// (RowMajor, cheaper here than ND4J broadcasts; README, "Speed"). Its R-passes are in BatchNormTangents.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

public final class BatchNorm implements Layer {
    private final BatchNormSpec spec;
    private final Parameter gamma;        // (1, units)
    private final Parameter beta;         // (1, units)
    private final INDArray runningMean;   // (1, units)
    private final INDArray runningVar;    // (1, units)
    private final BatchNormPass last;     // the last forward pass, for backward and the R-passes
    private final BatchNormTangents tangents;
    private BnMode mode = BnMode.ON;
    private int groupRows;                 // rows per statistics group; 0 = the whole batch is one group

    /** A stand-alone layer with its own scratch arrays, γ = 1, β = 0, running mean 0 and variance 1. */
    public BatchNorm(BatchNormSpec spec, DataType dtype) {
        this(spec, dtype, new ScratchBuffers());
    }

    /** @param scratch work arrays shared with the other layers of the same network */
    BatchNorm(BatchNormSpec spec, DataType dtype, ScratchBuffers scratch) {
        this(spec, spec.name(), dtype, scratch);
    }

    /** @param prefix what its parameters' names start with ("bn0", or "bn2d0" for a channel BN) */
    BatchNorm(BatchNormSpec spec, String prefix, DataType dtype, ScratchBuffers scratch) {
        this(spec, new Parameter(prefix + ".gamma", Nd4j.ones(dtype, 1, spec.units())),
                new Parameter(prefix + ".beta", Nd4j.zeros(dtype, 1, spec.units())),
                Nd4j.zeros(dtype, 1, spec.units()), Nd4j.ones(dtype, 1, spec.units()), scratch);
    }

    private BatchNorm(BatchNormSpec spec, Parameter gamma, Parameter beta, INDArray runningMean, INDArray runningVar,
                      ScratchBuffers scratch) {
        this.spec = spec;
        this.gamma = gamma;
        this.beta = beta;
        this.runningMean = runningMean;
        this.runningVar = runningVar;
        this.last = new BatchNormPass(spec.units(), scratch);
        this.tangents = new BatchNormTangents(gamma, beta, last);
    }

    @Override
    public void setBnMode(BnMode mode) {
        this.mode = mode;
    }

    public BnMode mode() {
        return mode;
    }

    /**
     * Batch statistics over each group of this many consecutive rows instead of the whole batch (0 = the whole
     * batch): ghost batches in training, and the Hessian's evaluation set in training-batch-sized groups.
     */
    @Override
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
        last.start(x, mode == BnMode.ON && pass != Pass.INFERENCE, groupRows);
        final int groups = last.groups;
        final int u = spec.units();
        double[] values = last.read(x, BatchNormPass.INPUT, 1);                       // x, then γ·x̂ + β in place (batch, units)
        double[] variance;
        if (last.usedBatchStatistics) {
            last.mean = new double[groups * u];                    // (groups, units)
            variance = new double[groups * u];                     // biased σ²_B (groups, units)
            for (int g = 0; g < groups; g++) {
                last.batchMoments(values, g, last.mean, variance);
            }
        } else {
            last.mean = RowMajor.read(runningMean);                // (1, units)
            variance = RowMajor.read(runningVar);                  // (1, units)
        }
        last.inverseStd = new double[groups * u];
        for (int k = 0; k < last.inverseStd.length; k++) {
            last.inverseStd[k] = 1.0 / Math.sqrt(variance[k] + spec.epsilon());
        }
        double[] gammaValue = RowMajor.read(gamma.value());
        double[] betaValue = RowMajor.read(beta.value());
        final double[] meanLocal = last.mean;
        final double[] inverseStdLocal = last.inverseStd;
        for (int g = 0; g < groups; g++) {
            int stats = g * u;
            for (int i = last.firstRow(g); i < last.endRow(g); i++) {
                int row = i * u;
                for (int j = 0; j < u; j++) {
                    values[row + j] = gammaValue[j] * ((values[row + j] - meanLocal[stats + j]) * inverseStdLocal[stats + j])
                            + betaValue[j];
                }
            }
        }
        if (last.usedBatchStatistics && pass == Pass.TRAINING_STEP) {
            updateRunningAverages(variance);
        }
        return RowMajor.matrix(values, x.dataType(), last.rows, u);
    }

    /**
     * running ← (1 − momentum)·running + momentum·batch, with the unbiased variance B/(B − 1)·σ²_B, once per
     * statistics group in order (a ghost batch updates them as PyTorch does for each chunk it normalises).
     */
    private void updateRunningAverages(double[] variance) {
        final double momentum = spec.momentum();
        final int u = spec.units();
        double[] runMean = RowMajor.read(runningMean);
        double[] runVar = RowMajor.read(runningVar);
        for (int g = 0; g < last.groups; g++) {
            int rows = last.endRow(g) - last.firstRow(g);
            double unbias = rows > 1 ? (double) rows / (rows - 1) : 1.0;
            for (int j = 0; j < u; j++) {
                runMean[j] = (1 - momentum) * runMean[j] + momentum * last.mean[g * u + j];
                runVar[j] = (1 - momentum) * runVar[j] + momentum * unbias * variance[g * u + j];
            }
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
        final int u = spec.units();
        final int groups = last.groups;
        final double[] inverseStdLocal = last.inverseStd;
        double[] xhat = last.normalizedInput();                    // (batch, units)
        double[] delta = last.read(dOut, BatchNormPass.DELTA, 1);  // δ, then dx in place (batch, units)
        double[] gammaValue = RowMajor.read(gamma.value());
        var sumDelta = new double[groups * u];                     // Σ δ per group (groups, units): dβ
        var sumDeltaXhat = new double[groups * u];                 // Σ δ⊙x̂ per group (groups, units): dγ
        for (int g = 0; g < groups; g++) {
            int stats = g * u;
            for (int i = last.firstRow(g); i < last.endRow(g); i++) {
                int row = i * u;
                for (int j = 0; j < u; j++) {
                    sumDelta[stats + j] += delta[row + j];
                    sumDeltaXhat[stats + j] += delta[row + j] * xhat[row + j];
                }
            }
        }
        if (accumulateGradients) {
            RowMajor.add(gamma.gradient(), last.sumOverGroups(sumDeltaXhat));
            RowMajor.add(beta.gradient(), last.sumOverGroups(sumDelta));
        }
        // dx̂ = γ·δ; with batch statistics dx = s·(dx̂ − mean(dx̂) − x̂·mean(dx̂⊙x̂)), Ioffe & Szegedy Section 3,
        // where mean(dx̂) = γ·Σδ/B and mean(dx̂⊙x̂) = γ·Σ(δ⊙x̂)/B over the group; with fixed statistics dx = s·dx̂.
        // Per unit and group that is dx = a·δ + b + c·x̂, with the coefficients below.
        var a = new double[groups * u];
        var b = new double[groups * u];
        var c = new double[groups * u];
        for (int g = 0; g < groups; g++) {
            int stats = g * u;
            int count = last.endRow(g) - last.firstRow(g);
            for (int j = 0; j < u; j++) {
                a[stats + j] = inverseStdLocal[stats + j] * gammaValue[j];
                if (last.usedBatchStatistics) {
                    b[stats + j] = -a[stats + j] * sumDelta[stats + j] / count;
                    c[stats + j] = -a[stats + j] * sumDeltaXhat[stats + j] / count;
                }
            }
        }
        for (int g = 0; g < groups; g++) {
            int stats = g * u;
            for (int i = last.firstRow(g); i < last.endRow(g); i++) {
                int row = i * u;
                for (int j = 0; j < u; j++) {
                    delta[row + j] = a[stats + j] * delta[row + j] + b[stats + j] + c[stats + j] * xhat[row + j];
                }
            }
        }
        return RowMajor.matrix(delta, dOut.dataType(), last.rows, u);
    }

    @Override
    public INDArray forwardTangent(INDArray dx, int block) {      // (b·batch, units)
        return mode == BnMode.OFF ? dx : tangents.forward(dx, block);
    }

    @Override
    public INDArray backwardTangent(INDArray delta, INDArray deltaTangent, int block) {
        return mode == BnMode.OFF ? deltaTangent : tangents.backward(delta, deltaTangent, block);
    }

    @Override
    public List<Parameter> parameters() {
        return mode == BnMode.OFF ? List.of() : List.of(gamma, beta);
    }

    /** γ and β whatever the mode. */
    public List<Parameter> allParameters() {
        return List.of(gamma, beta);
    }

    /** In the same mode, with γ, β and the running averages cast to the context's type; statistics groups off. */
    @Override
    public Layer copy(LayerContext context) {
        DataType type = context.dataType();
        var copy = new BatchNorm(spec, gamma.copy(type), beta.copy(type), runningMean.castTo(type).dup('c'),
                runningVar.castTo(type).dup('c'), context.scratch());
        copy.setBnMode(mode);
        return copy;
    }

    /** γ, β and the running averages as (units) arrays, then ε and the momentum; nothing when BN is off. */
    @Override
    public Optional<ExportEntry> exportEntry(BnMode exportMode) {
        if (exportMode == BnMode.OFF) {
            return Optional.empty();
        }
        var arrays = List.of(gamma.value(), beta.value(), runningMean, runningVar);
        var fields = new LinkedHashMap<String, Object>();
        for (int a = 0; a < arrays.size(); a++) {
            String name = BatchNormSpec.ARRAYS.get(a);
            fields.put(name, new ExportEntry.ArrayFile(spec.name() + "_" + name + ".npy", arrays.get(a), spec.units()));
        }
        fields.put("eps", spec.epsilon());
        fields.put("momentum", spec.momentum());
        return Optional.of(new ExportEntry(BatchNormSpec.TYPE, fields));
    }

    @Override
    public void readState(ExportedLayer entry) throws IOException {
        var targets = List.of(gamma.value(), beta.value(), runningMean, runningVar);
        for (int a = 0; a < targets.size(); a++) {
            entry.array(BatchNormSpec.ARRAYS.get(a)).assignTo(targets.get(a));
        }
    }

    public BatchNormSpec spec() {
        return spec;
    }

    public INDArray runningMean() {
        return runningMean;
    }

    public INDArray runningVariance() {
        return runningVar;
    }
}
