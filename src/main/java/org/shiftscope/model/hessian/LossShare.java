// One share of the fixed evaluation set, with its own copy of the network, so that shares can run on
// different threads (the Hessian on the second core). A share's passes give its chunks' contributions to
// the mean loss over the whole set, without the weight-decay term (EvaluationSetLoss adds that once).
package org.shiftscope.model.hessian;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.shiftscope.model.NativeMemoryGuard;
import org.shiftscope.model.Workspaces;
import org.shiftscope.model.data.Batches;
import org.shiftscope.model.data.Examples;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Network;
import org.shiftscope.model.net.Parameter;
import org.shiftscope.model.net.Pass;
import org.shiftscope.model.net.SoftmaxCrossEntropy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

final class LossShare {
    private static final String WORKSPACE = "hessian-pass";
    /**
     * Values of the widest stacked tangent array (directions × chunk rows × the network's widest row) in one
     * pass: 4096 rows of a 1024-unit MLP. Bounds the pass's workspace (about 40 such arrays); larger blocks are
     * split into sub-blocks, down to one direction at a time.
     */
    static final long MAX_STACKED_VALUES = 4096L * 1024;
    /** The widest row of the MLPs ShiftScope builds: 1024 units. */
    private static final long MLP_ROW_VALUES = 1024;

    private final Network network;                 // a copy in the share's precision, owned here
    private final List<Parameter> parameters;
    private final List<INDArray> chunkInputs = new ArrayList<>();   // each (pass rows, inputs)
    private final List<int[]> chunkLabels = new ArrayList<>();
    private final int groupRows;                   // BN batch-statistics group within a pass; 0 = the whole pass
    private final int examples;                    // of the whole set: each pass's weight is its rows / examples
    private final long rowValues;                  // of the network's widest row, at least an MLP's 1024 units
    private final NativeMemoryGuard memoryGuard;   // looks at every pass of a network wider than an MLP
    private Network.ValuePass values;              // the one pass's shared values at the weights valuesAt, or null
    private double[][] partialSums = new double[0][];  // reused by shares whose results are added to another's
    private double[] valuesAt;

    /**
     * @param chunks    the [from, to) row ranges of {@code set} this share pushes through the network, one pass each
     * @param groupRows rows per BN batch-statistics group within a pass (0 = the whole pass)
     */
    LossShare(Network trained, BnMode mode, Examples set, List<int[]> chunks, int groupRows, DataType precision) {
        try (var ignored = Workspaces.detached()) {
            this.network = trained.copy(precision);
            network.setBnMode(mode);
            network.setStatisticsGroupRows(groupRows);
            this.parameters = network.parameters();
            for (int[] range : chunks) {
                int[] indices = Batches.range(range[0], range[1]);
                chunkInputs.add(Batches.features(set, indices, precision));
                chunkLabels.add(Batches.labels(set, indices));
            }
        }
        this.groupRows = groupRows;
        this.examples = set.count();
        this.rowValues = Math.max(MLP_ROW_VALUES, trained.spec().rowValues());
        this.memoryGuard = rowValues > MLP_ROW_VALUES ? new NativeMemoryGuard(1) : new NativeMemoryGuard();
    }

    List<Parameter> parameters() {
        return parameters;
    }

    int classes() {
        return network.spec().classes();
    }

    /** This share's part of the mean loss at {@code w}. */
    double value(double[] w) {
        moveTo(w);
        double[] loss = {0};
        forEachChunk((x, labels, weight) -> loss[0] += weight
                * SoftmaxCrossEntropy.evaluate(network.forward(x, Pass.BATCH_STATISTICS), labels).meanLoss());
        return loss[0];
    }

    /** This share's part of ∇ of the mean loss at {@code w}. */
    double[] gradient(double[] w) {
        moveTo(w);
        network.zeroGradients();
        forEachChunk((x, labels, weight) -> network.lossAndGradient(x, labels, Pass.BATCH_STATISTICS, weight));
        return ParameterVectors.gradients(parameters);
    }

    /**
     * This share's part of H·v_i for each vector of the block, at {@code w} (R-operator through every layer),
     * in sub-blocks of at most {@link #MAX_STACKED_VALUES} stacked values. A share of one pass keeps that pass's
     * forward and backward values from the first call on (they depend on the weights alone), so later blocks
     * run only the R-passes.
     */
    double[][] hessianVectors(double[] w, double[][] block) {
        return hessianVectors(w, block, new double[block.length][block[0].length]);
    }

    /** As above, adding into {@code products} (b vectors of the dimension, zero or partial sums) and returning it. */
    double[][] hessianVectors(double[] w, double[][] block, double[][] products) {
        memoryGuard.check();
        if (values == null || valuesAt != w) {
            values = null;
            valuesAt = w;
            ParameterVectors.assign(parameters, w);
        }
        int largestChunk = chunkLabels.stream().mapToInt(labels -> labels.length).max().orElse(1);
        int step = (int) Math.max(1, Math.min(block.length, MAX_STACKED_VALUES / (largestChunk * rowValues)));
        for (int from = 0; from < block.length; from += step) {
            int size = Math.min(step, block.length - from);
            var sub = new double[size][];
            System.arraycopy(block, from, sub, 0, size);
            ParameterVectors.assignDirections(parameters, sub);
            network.zeroHvpSlices(size);
            if (chunkInputs.size() == 1) {
                productsOfTheOnePass(size);
            } else {
                forEachChunk((x, labels, weight) -> network.hessianVectorProducts(x, labels, Pass.BATCH_STATISTICS, weight, size));
            }
            var out = new double[size][];
            System.arraycopy(products, from, out, 0, size);
            ParameterVectors.addHvpSlices(parameters, out);
        }
        return products;
    }

    /**
     * This share's part of H·v_i in its own reused arrays (zeroed here), for adding to another share's: a new
     * parameter-sized array per product is a humongous allocation for G1 and drove its concurrent cycles.
     */
    double[][] hessianVectorsInPlace(double[] w, double[][] block) {
        if (partialSums.length < block.length || partialSums[0].length != block[0].length) {
            partialSums = new double[block.length][block[0].length];
        }
        var sums = new double[block.length][];
        for (int i = 0; i < block.length; i++) {
            Arrays.fill(partialSums[i], 0);
            sums[i] = partialSums[i];
        }
        return hessianVectors(w, block, sums);
    }

    /** Weights w for passes other than the products: they replace the layers' forward state, so the kept values go. */
    private void moveTo(double[] w) {
        values = null;
        ParameterVectors.assign(parameters, w);
    }

    /** The R-passes of a share of one pass, on its values, computed once outside any workspace so they persist. */
    private void productsOfTheOnePass(int size) {
        if (values == null) {
            try (var ignored = Workspaces.detached()) {
                values = network.valuePass(chunkInputs.get(0), chunkLabels.get(0), Pass.BATCH_STATISTICS,
                        (double) chunkLabels.get(0).length / examples);
            }
        }
        try (var workspace = Workspaces.open(WORKSPACE)) {
            network.hessianVectorProducts(values, size);
        }
    }

    /**
     * This share's part of the gradients at {@code w} of a per-class statistic of the output logits (Page,
     * "How to train your ResNet 7"), each group's batch statistic weighted by its share of the set.
     * @return classes vectors of the parameter dimension
     */
    double[][] logitStatisticGradients(double[] w, LogitStatistic statistic) {
        moveTo(w);
        int classes = classes();
        var out = new double[classes][];
        for (int k = 0; k < classes; k++) {
            int unit = k;
            network.zeroGradients();
            forEachChunk((x, labels, weight) -> {
                INDArray logits = network.forward(x, Pass.BATCH_STATISTICS);        // (pass rows, classes)
                network.backward(LogitStatistics.gradient(logits, unit, statistic, groupRows, examples));
            });
            out[k] = ParameterVectors.gradients(parameters);
        }
        return out;
    }

    /** This share's part of each class's statistic of the output logits at {@code w}, as above. */
    double[] logitStatistics(double[] w, LogitStatistic statistic) {
        moveTo(w);
        var out = new double[classes()];
        forEachChunk((x, labels, weight) -> {
            INDArray logits = network.forward(x, Pass.BATCH_STATISTICS);            // (pass rows, classes)
            for (int k = 0; k < out.length; k++) {
                out[k] += LogitStatistics.value(logits, k, statistic, groupRows, examples);
            }
        });
        return out;
    }

    /** One pass's rows of the evaluation set and their share of the mean (pass rows / set size). */
    private interface ChunkPass {
        void run(INDArray x, int[] labels, double weight);
    }

    /** Runs a pass over every chunk of rows, each in the reusable workspace. */
    private void forEachChunk(ChunkPass pass) {
        for (int c = 0; c < chunkInputs.size(); c++) {
            if (c > 0) {
                memoryGuard.check();
            }
            try (var workspace = Workspaces.open(WORKSPACE)) {
                pass.run(chunkInputs.get(c), chunkLabels.get(c), (double) chunkLabels.get(c).length / examples);
            }
        }
    }
}
