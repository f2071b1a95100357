// A network run as a list of layers in order (built from a NetworkSpec), ending in softmax cross-entropy:
// forward, backward and the exact Hessian-vector products walk the list, and so do copies and exports.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.shiftscope.model.NativeRuntime;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

public final class Network {
    private final NetworkSpec spec;
    private final DataType dataType;
    private final List<Layer> layers;          // in forward order
    private final ScratchBuffers scratch;      // shared by the layers' host-buffer loops
    private final StatisticsProbes probes = new StatisticsProbes();  // of the last forward pass
    private BnMode bnMode = BnMode.OFF;

    /** Freshly initialised from the spec's seed, in BN mode {@code bnMode}. */
    public Network(NetworkSpec spec, BnMode bnMode, DataType dataType) {
        this(spec, dataType);
        var random = new Random(spec.seed());
        for (LayerSpec layer : spec.layers()) {
            layers.add(layer.build(context(random)));
        }
        setBnMode(bnMode);
    }

    /** Without layers yet. */
    private Network(NetworkSpec spec, DataType dataType) {
        NativeRuntime.configure();
        this.spec = spec;
        this.dataType = dataType;
        this.layers = new ArrayList<>();
        this.scratch = new ScratchBuffers();
    }

    /** How the next layer is built or copied into this network. */
    private LayerContext context(Random random) {
        return new LayerContext(dataType, scratch, layers.isEmpty(), random, spec.init());
    }

    /** A deep copy with every parameter and running statistic cast to {@code type} (e.g. float64 for the Hessian). */
    public Network copy(DataType type) {
        var copy = new Network(spec, type);
        for (Layer layer : layers) {
            copy.layers.add(layer.copy(copy.context(null)));
        }
        copy.setBnMode(bnMode);
        return copy;
    }

    public void setBnMode(BnMode mode) {
        this.bnMode = mode;
        layers.forEach(layer -> layer.setBnMode(mode));
    }

    /**
     * BN batch statistics over each group of this many consecutive rows of a pass instead of the whole pass
     * (0 = the whole pass): ghost batches in training, the Hessian's evaluation set in groups of the training
     * statistics' size. A training step updates the running averages once per group.
     */
    public void setStatisticsGroupRows(int rows) {
        layers.forEach(layer -> layer.setStatisticsGroupRows(rows));
    }

    public BnMode bnMode() {
        return bnMode;
    }

    /** @param x (batch, inputs) @return logits (batch, classes) */
    public INDArray forward(INDArray x, Pass pass) {
        INDArray h = x.dataType() == dataType ? x : x.castTo(dataType);
        probes.clear();
        for (Layer layer : layers) {
            INDArray out = layer.forward(h, pass);                     // (batch, in) → (batch, out)
            layer.probe(h, out, probes);
            h = out;
        }
        return h;                                                      // (batch, classes)
    }

    /** Accumulates dLoss/dθ into every active parameter's gradient. @param dLogits (batch, classes) */
    public void backward(INDArray dLogits) {
        INDArray d = dLogits;
        for (int i = layers.size() - 1; i >= 0; i--) {
            d = layers.get(i).backward(d);
        }
    }

    /** Forward, loss and backward on one batch; gradients are accumulated, so zero them first. */
    public SoftmaxCrossEntropy.Result lossAndGradient(INDArray x, int[] labels, Pass pass) {
        return lossAndGradient(x, labels, pass, 1.0);
    }

    /**
     * As above with the gradient of {@code weight} × the batch's mean loss, so that chunks of a larger set
     * (weight = chunk size / set size) add up to the gradient of the set's mean loss.
     */
    public SoftmaxCrossEntropy.Result lossAndGradient(INDArray x, int[] labels, Pass pass, double weight) {
        var result = SoftmaxCrossEntropy.evaluate(forward(x, pass), labels);
        backward(weight == 1.0 ? result.logitGradient() : result.logitGradient().muli(weight));
        return result;
    }

    /**
     * What Hessian-vector products on one batch share: the logits and, at every layer's output, dLoss/dOutput
     * (scaled by the batch's weight). Valid while the layers still hold this batch's forward pass.
     * @param logits (batch, classes) @param deltas per layer in forward order, (batch, out)
     * @param weight the batch's share of the loss the products are of
     */
    public record ValuePass(INDArray logits, List<INDArray> deltas, double weight, double meanLoss) {
    }

    /** The forward pass and the backward values of {@code weight} × the batch's mean loss, without parameter gradients. */
    public ValuePass valuePass(INDArray x, int[] labels, Pass pass, double weight) {
        INDArray logits = forward(x, pass);                                    // (batch, classes)
        var loss = SoftmaxCrossEntropy.evaluate(logits, labels);
        var deltas = new INDArray[layers.size()];
        INDArray d = loss.logitGradient().muli(weight);                        // (batch, classes)
        for (int i = layers.size() - 1; i >= 0; i--) {
            deltas[i] = d;
            if (i > 0) {
                d = layers.get(i).backwardInput(d);
            }
        }
        return new ValuePass(logits, List.of(deltas), weight, loss.meanLoss());
    }

    /**
     * Exact Hessian-vector products on the batch of {@code values} for a block of b directions (Pearlmutter
     * 1994): with each active parameter's directions(b) holding its slices of v_1…v_b, adds weight·H_batch·v_i to
     * every parameter's hvpSlices(b). Only the R-passes run: the forward and backward values are shared.
     */
    public void hessianVectorProducts(ValuePass values, int block) {
        INDArray tangents = null;
        for (Layer layer : layers) {
            tangents = layer.forwardTangent(tangents, block);                  // (b·batch, out)
        }
        INDArray d = SoftmaxCrossEntropy.gradientTangent(values.logits(), tangents)   // (b·batch, classes)
                .muli(values.weight());
        for (int i = layers.size() - 1; i >= 0 && d != null; i--) {
            d = layers.get(i).backwardTangent(values.deltas().get(i), d, block);
        }
    }

    /** Both at once, for one batch: {@link #valuePass} then {@link #hessianVectorProducts(ValuePass, int)}. */
    public double hessianVectorProducts(INDArray x, int[] labels, Pass pass, double weight, int block) {
        var values = valuePass(x, labels, pass, weight);
        hessianVectorProducts(values, block);
        return values.meanLoss();
    }

    /** Zeroes every parameter's slices of a block of b products H·v_i, before they are accumulated. */
    public void zeroHvpSlices(int block) {
        parameters().forEach(p -> RowMajor.zero(p.hvpSlices(block)));
    }

    public void zeroGradients() {
        parameters().forEach(p -> RowMajor.zero(p.gradient()));
    }

    /** The parameters that take part in training under the current BN mode, in a fixed order. */
    public List<Parameter> parameters() {
        var all = new ArrayList<Parameter>();
        layers.forEach(layer -> all.addAll(layer.parameters()));
        return all;
    }

    /** Each stage's weights in forward order, the classifier's last (see {@link Layer#stageWeights}). */
    public List<Parameter> stageWeights() {
        var weights = new ArrayList<Parameter>();
        layers.forEach(layer -> weights.addAll(layer.stageWeights()));
        return weights;
    }

    /** ‖∂loss/∂W‖ of each stage's weights as their gradients hold it now, in the order of {@link #stageWeights}. */
    public double[] stageGradientNorms() {
        return stageWeights().stream().mapToDouble(w -> w.gradient().norm2Number().doubleValue()).toArray();
    }

    /** z of hidden layer i from the last forward pass: the output of the i-th Dense layer or convolution. */
    public StatisticsProbes.Probe preActivation(int layer) {
        return probes.preActivation(layer);
    }

    /** The input to hidden layer i's nonlinearity from the last forward pass: the normalised z, or z without normalisation. */
    public StatisticsProbes.Probe nonlinearityInput(int layer) {
        return probes.nonlinearityInput(layer);
    }

    /** The layers in forward order. */
    public List<Layer> layers() {
        return List.copyOf(layers);
    }

    /** The layers of one type, in forward order. */
    public <T extends Layer> List<T> layersOf(Class<T> type) {
        return layers.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public NetworkSpec spec() {
        return spec;
    }

    public DataType dataType() {
        return dataType;
    }
}
