// The last forward pass of a BatchNorm layer, which its backward and R-passes reuse: the rows, their cut into
// statistics groups (consecutive rows, each normalised with its own statistics), the input, and per group
// and unit μ and s = 1/sqrt(σ² + ε). Like PyTorch it keeps these and recomputes x̂ when needed.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

final class BatchNormPass {
    // The scratch slots a pass uses: the layer input (becoming x̂), its tangent (becoming R{x̂}), δ, δ̇ and A.
    static final int INPUT = 0;
    static final int INPUT_TANGENT = 1;
    static final int DELTA = 2;
    static final int DELTA_TANGENT = 3;
    static final int A = 4;

    final int units;
    private final ScratchBuffers scratch;
    // Element (i, j) of a (batch, units) matrix is at i·units + j. Per-group statistics are (groups, units) in
    // row-major order; with running statistics there is one group.
    boolean usedBatchStatistics;
    int rows;                      // batch
    int groupSize;                 // rows per group (the last group may have fewer)
    int groups;
    INDArray input;                // x (batch, units)
    double[] mean;                 // μ per group, batch or running (groups, units)
    double[] inverseStd;           // s = 1/sqrt(σ² + ε) per group (groups, units)

    BatchNormPass(int units, ScratchBuffers scratch) {
        this.units = units;
        this.scratch = scratch;
    }

    /** Starts a pass over x (batch, units), in groups of {@code groupRows} rows when it uses batch statistics (0 = one group). */
    void start(INDArray x, boolean batchStatistics, int groupRows) {
        requireColumns(x);
        rows = (int) x.size(0);
        input = x;
        usedBatchStatistics = batchStatistics;
        groupSize = usedBatchStatistics && groupRows > 0 ? Math.min(groupRows, rows) : rows;
        groups = (rows + groupSize - 1) / groupSize;
    }

    /**
     * Mean and biased variance per unit of group g in one pass over its rows, summing x − K with the group's
     * first row as the shift K: the shifted sum-of-squares formula stays accurate when the mean is large
     * against the spread (Chan, Golub & LeVeque 1983, "Algorithms for computing the sample variance", Am. Stat.
     * 37(3)).
     */
    void batchMoments(double[] x, int g, double[] mean, double[] variance) {
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

    /** x̂ = (x − μ)·s of the last forward pass, recomputed from its input into the INPUT slot. */
    double[] normalizedInput() {
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

    int firstRow(int group) {
        return group * groupSize;
    }

    int endRow(int group) {
        return Math.min(rows, (group + 1) * groupSize);
    }

    /** (groups, units) → (units): the per-group sums added up, for a parameter gradient. */
    double[] sumOverGroups(double[] perGroup) {
        var total = new double[units];
        for (int k = 0; k < perGroup.length; k++) {
            total[k % units] += perGroup[k];
        }
        return total;
    }

    /** a (b·batch, units), with the batch of the last forward pass, copied into a scratch slot. */
    double[] read(INDArray a, int slot, int block) {
        requireShape(a, block);
        double[] values = scratch.get(slot, block * rows * units);
        RowMajor.read(a, values);
        return values;
    }

    /** Scratch slot {@code slot} with room for a (batch, units) array. */
    double[] scratch(int slot) {
        return scratch.get(slot, rows * units);
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
}
