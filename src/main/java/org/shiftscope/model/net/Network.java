// The MLP of docs/science.md: input → [Dense → BatchNorm → activation] × depth → Dense → softmax cross-entropy.
// BatchNorm layers always exist, so the BN mode can change between any two steps on the same weights.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.shiftscope.model.NativeRuntime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

public final class Network {
    private final NetworkSpec spec;
    private final DataType dataType;
    private final List<Dense> denses = new ArrayList<>();         // depth hidden + 1 output
    private final List<BatchNorm> norms = new ArrayList<>();      // depth
    private final List<Activation> activations = new ArrayList<>(); // depth
    private final List<Layer> layers = new ArrayList<>();         // in forward order
    private final INDArray[] preActivations;   // per hidden layer: Dense output z (batch, width)
    private final INDArray[] normalizedInputs; // per hidden layer: input to the nonlinearity (batch, width)
    private BnMode bnMode = BnMode.OFF;
    private final ScratchBuffers scratch = new ScratchBuffers(BatchNorm.SCRATCH_SLOTS); // shared by the BN layers

    public Network(NetworkSpec spec, BnMode bnMode, DataType dataType) {
        NativeRuntime.configure();
        this.spec = spec;
        this.dataType = dataType;
        var random = new Random(spec.seed());
        int in = spec.inputs();
        for (int i = 0; i < spec.depth(); i++) {
            var dense = new Dense("dense" + i, in, spec.width(),
                    spec.init().standardDeviation(in, spec.width()), random, dataType, i > 0);
            var norm = new BatchNorm("bn" + i, spec.width(), spec.bnEpsilon(), spec.bnMomentum(), dataType, scratch);
            var activation = new Activation(spec.activation());
            denses.add(dense);
            norms.add(norm);
            activations.add(activation);
            layers.addAll(List.of(dense, norm, activation));
            in = spec.width();
        }
        var output = new Dense("dense" + spec.depth(), in, spec.classes(),
                spec.init().standardDeviation(in, spec.classes()), random, dataType, spec.depth() > 0);
        denses.add(output);
        layers.add(output);
        preActivations = new INDArray[spec.depth()];
        normalizedInputs = new INDArray[spec.depth()];
        setBnMode(bnMode);
    }

    /** A deep copy with every parameter and running statistic cast to {@code type} (e.g. float64 for the Hessian). */
    public Network copy(DataType type) {
        var copy = new Network(spec, bnMode, type);
        for (int i = 0; i < denses.size(); i++) {
            copyValues(denses.get(i).parameters(), copy.denses.get(i).parameters());
        }
        for (int i = 0; i < norms.size(); i++) {
            BatchNorm from = norms.get(i);
            BatchNorm to = copy.norms.get(i);
            copyValues(from.allParameters(), to.allParameters());
            to.runningMean().assign(from.runningMean().castTo(type));
            to.runningVariance().assign(from.runningVariance().castTo(type));
        }
        return copy;
    }

    private static void copyValues(List<Parameter> from, List<Parameter> to) {
        for (int i = 0; i < from.size(); i++) {
            to.get(i).value().assign(from.get(i).value().castTo(to.get(i).value().dataType()));
        }
    }

    public void setBnMode(BnMode mode) {
        this.bnMode = mode;
        norms.forEach(norm -> norm.setMode(mode));
    }

    /**
     * BN batch statistics over each group of this many consecutive rows of a pass instead of the whole pass
     * (0 = the whole pass), for passes that leave the running averages alone (the Hessian's evaluation set
     * in training-batch-sized groups).
     */
    public void setStatisticsGroupRows(int rows) {
        norms.forEach(norm -> norm.setStatisticsGroupRows(rows));
    }

    public BnMode bnMode() {
        return bnMode;
    }

    /** @param x (batch, inputs) @return logits (batch, classes) */
    public INDArray forward(INDArray x, Pass pass) {
        INDArray h = x.dataType() == dataType ? x : x.castTo(dataType);
        for (int i = 0; i < spec.depth(); i++) {
            preActivations[i] = denses.get(i).forward(h, pass);           // (batch, width)
            normalizedInputs[i] = norms.get(i).forward(preActivations[i], pass); // (batch, width)
            h = activations.get(i).forward(normalizedInputs[i], pass);     // (batch, width)
        }
        return denses.get(spec.depth()).forward(h, pass);                 // (batch, classes)
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
     * every parameter's curvatures(b). Only the R-passes run: the forward and backward values are shared.
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

    /** Zeroes the curvature accumulators of a block of b products. */
    public void zeroCurvatures(int block) {
        parameters().forEach(p -> RowMajor.zero(p.curvatures(block)));
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

    /** z of hidden layer i from the last forward pass (batch, width). */
    public INDArray preActivation(int layer) {
        return preActivations[layer];
    }

    /** The input to hidden layer i's nonlinearity from the last forward pass: the BN output, or z when BN is off. */
    public INDArray nonlinearityInput(int layer) {
        return normalizedInputs[layer];
    }

    public List<Dense> denses() {
        return Collections.unmodifiableList(denses);
    }

    public List<BatchNorm> norms() {
        return Collections.unmodifiableList(norms);
    }

    public NetworkSpec spec() {
        return spec;
    }

    public DataType dataType() {
        return dataType;
    }

    public int depth() {
        return spec.depth();
    }
}
