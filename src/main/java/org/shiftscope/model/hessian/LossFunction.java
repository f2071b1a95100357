// The mean training loss over a fixed evaluation set as a function of the parameter vector, in float64,
// with BN in a chosen mode. In ON mode the batch statistics are taken per chunk of the training batch
// size, as during training (SCIENCE.md, "Hessian"). Weight decay λ adds λ/2·‖w‖² (so λ·w to the gradient).
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
import java.util.List;

public final class LossFunction {
    private static final String WORKSPACE = "hessian-pass";

    private final Network network;               // float64 copy, owned here
    private final List<Parameter> parameters;
    private final double[] initialParameters;   // the trained weights, as copied at construction
    private final List<INDArray> chunkInputs = new ArrayList<>();   // each (chunk, inputs)
    private final List<int[]> chunkLabels = new ArrayList<>();
    private final int examples;
    private final double weightDecay;
    private final NativeMemoryGuard memoryGuard = new NativeMemoryGuard();

    /**
     * @param trained   the network whose weights are copied (any data type; it is not modified)
     * @param mode      BN mode of the loss
     * @param set       the fixed evaluation set, already preprocessed as for training
     * @param chunkSize examples per batch-statistics chunk (the training batch size)
     */
    public LossFunction(Network trained, BnMode mode, Examples set, int chunkSize, double weightDecay) {
        try (var ignored = Workspaces.detached()) {
            this.network = trained.copy(DataType.DOUBLE);
            network.setBnMode(mode);
            this.parameters = network.parameters();
            this.initialParameters = ParameterVectors.values(parameters);
            // Only batch statistics depend on the chunking; otherwise one chunk gives the same loss with fewer ops.
            int chunk = mode == BnMode.ON ? chunkSize : set.count();
            for (int from = 0; from < set.count(); from += chunk) {
                int[] indices = Batches.range(from, Math.min(set.count(), from + chunk));
                chunkInputs.add(Batches.features(set, indices, DataType.DOUBLE));
                chunkLabels.add(Batches.labels(set, indices));
            }
        }
        this.examples = set.count();
        this.weightDecay = weightDecay;
    }

    public int dimension() {
        return ParameterVectors.dimension(parameters);
    }

    /** The trained parameters the loss was built from (value and gradient calls move the copy's weights). */
    public double[] initialParameters() {
        return initialParameters.clone();
    }

    /** Mean loss (plus the weight-decay term) at {@code w}. */
    public double value(double[] w) {
        ParameterVectors.assign(parameters, w);
        double[] loss = {0};
        forEachChunk((x, labels, weight) -> loss[0] += weight
                * SoftmaxCrossEntropy.evaluate(network.forward(x, Pass.BATCH_STATISTICS), labels).meanLoss());
        return loss[0] + 0.5 * weightDecay * Vectors.dot(w, w);
    }

    /** ∇ of the mean loss (plus weight decay) at {@code w}. */
    public double[] gradient(double[] w) {
        ParameterVectors.assign(parameters, w);
        network.zeroGradients();
        forEachChunk((x, labels, weight) -> network.lossAndGradient(x, labels, Pass.BATCH_STATISTICS, weight));
        double[] g = ParameterVectors.gradients(parameters);
        if (weightDecay > 0) {
            Vectors.axpy(weightDecay, w, g);
        }
        return g;
    }

    /**
     * Exact H·v at the trained parameters (R-operator through every layer), plus weight decay λ·v.
     */
    public double[] hessianVector(double[] v) {
        memoryGuard.check();
        ParameterVectors.assign(parameters, initialParameters);
        ParameterVectors.assignDirections(parameters, v);
        network.zeroCurvatures();
        forEachChunk((x, labels, weight) -> network.hessianVectorProduct(x, labels, Pass.BATCH_STATISTICS, weight));
        double[] hv = ParameterVectors.curvatures(parameters);
        if (weightDecay > 0) {
            Vectors.axpy(weightDecay, v, hv);
        }
        return hv;
    }

    /**
     * Gradients, at {@code w}, of per-class statistics of the output logits over the evaluation set
     * (Page, "How to train your ResNet 7"): with {@code variances} false, of the mean logit of each class
     * (averaged over the chunks' batch means); with true, of the mean over chunks of each class's logit variance.
     * @return classes vectors of the parameter dimension
     */
    public double[][] logitStatisticGradients(double[] w, boolean variances) {
        ParameterVectors.assign(parameters, w);
        int classes = network.spec().classes();
        var out = new double[classes][];
        for (int k = 0; k < classes; k++) {
            int unit = k;
            network.zeroGradients();
            forEachChunk((x, labels, weight) -> {
                INDArray logits = network.forward(x, Pass.BATCH_STATISTICS);        // (chunk, classes)
                network.backward(LogitStatistics.gradient(logits, unit, variances).muli(weight));
            });
            out[k] = ParameterVectors.gradients(parameters);
        }
        ParameterVectors.assign(parameters, w);
        return out;
    }

    public Network network() {
        return network;
    }

    /** One chunk of the evaluation set and its share of the mean (chunk size / set size). */
    private interface ChunkPass {
        void run(INDArray x, int[] labels, double weight);
    }

    /** Runs a pass over every chunk, each in the reusable workspace. */
    private void forEachChunk(ChunkPass pass) {
        for (int c = 0; c < chunkInputs.size(); c++) {
            try (var workspace = Workspaces.open(WORKSPACE)) {
                pass.run(chunkInputs.get(c), chunkLabels.get(c), (double) chunkLabels.get(c).length / examples);
            }
        }
    }
}
