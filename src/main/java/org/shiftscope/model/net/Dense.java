// Fully connected layer z = x·W + b with W shaped (in, out), the convention of the model export.
// Its R-operator passes (Pearlmutter 1994) take a block of b directions at once: the products that share a
// factor across the block (x, δ, W) are one matrix product each over the stacked or side-by-side block.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

public final class Dense implements Layer {
    private final DenseSpec spec;
    private final Parameter weights;   // (in, out)
    private final Parameter bias;      // (1, out)
    private final boolean inputGradients; // false for a network's first layer: nothing upstream needs dLoss/dInput
    private INDArray input;            // (batch, in), cached for backward
    private INDArray inputTangent;     // (b·batch, in) or null, cached for backwardTangent

    /** Freshly initialised: W drawn from N(0, weightStd²) in row-major order, b = 0. */
    Dense(DenseSpec spec, double weightStd, LayerContext context) {
        var w = new double[spec.inputs() * spec.outputs()];
        for (int i = 0; i < w.length; i++) {
            w[i] = weightStd * context.random().nextGaussian();
        }
        this.spec = spec;
        this.weights = new Parameter(spec.name() + ".W",
                Nd4j.create(w, new long[]{spec.inputs(), spec.outputs()}, context.dataType()));
        this.bias = new Parameter(spec.name() + ".b", Nd4j.zeros(context.dataType(), 1, spec.outputs()));
        this.inputGradients = !context.first();
    }

    private Dense(DenseSpec spec, Parameter weights, Parameter bias, boolean inputGradients) {
        this.spec = spec;
        this.weights = weights;
        this.bias = bias;
        this.inputGradients = inputGradients;
    }

    @Override
    public INDArray forward(INDArray x, Pass pass) {
        input = x;                                               // (batch, in)
        INDArray z = Matrices.multiply(x, weights.value());       // (batch, out)
        RowMajor.addRowsInPlace(z, bias.value());                // + b
        return z;
    }

    /** @return dLoss/dInput (batch, in), or null for a first layer */
    @Override
    public INDArray backward(INDArray dOut) {                     // dOut: (batch, out)
        Nd4j.gemm(input, dOut, weights.gradient(), true, false, 1.0, 1.0); // dW += xᵀ·dOut  (in, out)
        RowMajor.add(bias.gradient(), RowMajor.columnSums(dOut)); // db += Σ_batch dOut (1, out)
        return backwardInput(dOut);
    }

    @Override
    public INDArray backwardInput(INDArray dOut) {
        return inputGradients ? Matrices.multiply(dOut, weights.value(), false, true) : null; // (batch, in)
    }

    /** Tangent i = x·V_i + v_b,i + ẋ_i·W. */
    @Override
    public INDArray forwardTangent(INDArray dx, int block) {     // dx: (b·batch, in) or null
        inputTangent = dx;
        INDArray directions = StackedBlocks.sideBySide(weights.directions(block), block);  // [V_1 … V_b] (in, b·out)
        INDArray tangent = StackedBlocks.stacked(Matrices.multiply(input, directions), block); // x·V_i (b·batch, out)
        RowMajor.addRowsInPlace(tangent, bias.directions(block));                           // + v_b,i
        if (dx != null) {
            Nd4j.gemm(dx, weights.value(), tangent, false, false, 1.0, 1.0);                  // + ẋ_i·W
        }
        return tangent;
    }

    /** R{dW}_i = xᵀ·δ̇_i + ẋ_iᵀ·δ, R{db}_i = Σ_batch δ̇_i; R{dx}_i = δ̇_i·Wᵀ + δ·V_iᵀ (null for a first layer). */
    @Override
    public INDArray backwardTangent(INDArray delta, INDArray deltaTangent, int block) { // δ (batch, out), δ̇ (b·batch, out)
        INDArray deltaTangents = StackedBlocks.sideBySide(deltaTangent, block);                 // (batch, b·out)
        INDArray weightsHvp = StackedBlocks.stacked(
                Matrices.multiply(input, deltaTangents, true, false), block);                // xᵀ·δ̇_i (b·in, out)
        if (inputTangent != null) {
            Nd4j.gemm(StackedBlocks.sideBySide(inputTangent, block), delta, weightsHvp,
                    true, false, 1.0, 1.0);                                                   // + ẋ_iᵀ·δ
        }
        weights.hvpSlices(block).addi(weightsHvp);
        RowMajor.add(bias.hvpSlices(block), RowMajor.blockColumnSums(deltaTangent, block)); // (b, out)
        if (!inputGradients) {
            return null;
        }
        INDArray dxTangent = Matrices.multiply(deltaTangent, weights.value(), false, true);   // δ̇_i·Wᵀ (b·batch, in)
        dxTangent.addi(StackedBlocks.stacked(
                Matrices.multiply(delta, weights.directions(block), false, true), block));   // + δ·V_iᵀ
        return dxTangent;
    }

    @Override
    public List<Parameter> stageWeights() {
        return List.of(weights);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weights, bias);
    }

    @Override
    public Layer copy(LayerContext context) {
        return new Dense(spec, weights.copy(context.dataType()), bias.copy(context.dataType()), inputGradients);
    }

    /** W as (in, out) and b as (out). */
    @Override
    public Optional<ExportEntry> exportEntry(BnMode mode) {
        long in = spec.inputs();
        long out = spec.outputs();
        var fields = new LinkedHashMap<String, Object>();
        fields.put("W", new ExportEntry.ArrayFile("W" + spec.index() + ".npy", weights.value(), in, out));
        fields.put("b", new ExportEntry.ArrayFile("b" + spec.index() + ".npy", bias.value(), out));
        return Optional.of(new ExportEntry(DenseSpec.TYPE, fields));
    }

    @Override
    public void readState(ExportedLayer entry) throws IOException {
        entry.array("W").assignTo(weights.value());
        entry.array("b").assignTo(bias.value());
    }

    /** Its output z is a pre-activation of the per-layer statistics. */
    @Override
    public void probe(INDArray input, INDArray output, StatisticsProbes probes) {
        probes.addPreActivation(output, 1);
    }

    public DenseSpec spec() {
        return spec;
    }

    public Parameter weights() {
        return weights;
    }

    public Parameter bias() {
        return bias;
    }
}
