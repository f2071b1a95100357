// Element-wise nonlinearity layer y = f(z); backward multiplies by f'(z). Its R-operator passes take a
// block of directions stacked by rows, each multiplied by the same f'(z) (and f''(z)·δ) of the batch.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

public final class Activation implements Layer {
    private final ActivationSpec spec;
    private final ActivationFunction function;
    private INDArray input;         // z (batch, units)
    private INDArray output;        // f(z) (batch, units)
    private INDArray slope;         // f'(z) (batch, units), from the last forwardTangent
    private INDArray inputTangent;  // ż (b·batch, units)

    public Activation(ActivationSpec spec) {
        this.spec = spec;
        this.function = spec.function();
    }

    @Override
    public INDArray forward(INDArray x, Pass pass) {
        input = x;                          // (batch, units)
        output = function.apply(x);         // (batch, units)
        return output;
    }

    @Override
    public INDArray backward(INDArray dOut) {
        return backwardInput(dOut);
    }

    @Override
    public INDArray backwardInput(INDArray dOut) {
        return function.derivative(input, output).muli(dOut); // (batch, units)
    }

    /** ẏ_i = f'(z)·ż_i. */
    @Override
    public INDArray forwardTangent(INDArray dz, int block) {         // (b·batch, units)
        inputTangent = dz;
        slope = function.derivative(input, output);                  // (batch, units)
        return perDirection(dz, block).mulRowVector(flat(slope)).reshape('c', dz.shape()); // (b·batch, units)
    }

    /** R{dz}_i = f''(z)·ż_i·δ + f'(z)·δ̇_i (f'' is 0 for ReLU, as autograd takes it). */
    @Override
    public INDArray backwardTangent(INDArray delta, INDArray deltaTangent, int block) {   // δ (batch, units)
        INDArray dzTangent = perDirection(deltaTangent, block).mulRowVector(flat(slope));   // f'(z)·δ̇_i (b, batch·units)
        if (function != ActivationFunction.RELU) {
            INDArray curvature = function.secondDerivative(input, output).muli(delta);  // f''(z)·δ (batch, units)
            dzTangent.addi(perDirection(inputTangent, block).mulRowVector(flat(curvature)));
        }
        return dzTangent.reshape('c', deltaTangent.shape());                            // (b·batch, units)
    }

    /** (b·batch, units) → (b, batch·units): one row per direction, for a broadcast over the block. */
    private static INDArray perDirection(INDArray stacked, int block) {
        return stacked.reshape('c', block, stacked.length() / block);
    }

    private static INDArray flat(INDArray batch) {
        return batch.reshape('c', 1, batch.length());
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    /** It has no parameters or state: a copy is a new layer of the same spec. */
    @Override
    public Layer copy(LayerContext context) {
        return new Activation(spec);
    }

    @Override
    public Optional<ExportEntry> exportEntry(BnMode mode) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("fn", function.label());
        return Optional.of(new ExportEntry(ActivationSpec.TYPE, fields));
    }

    @Override
    public void readState(ExportedLayer entry) {
    }

    /** Its input is the nonlinearity input of the per-layer statistics. */
    @Override
    public void probe(INDArray input, INDArray output, StatisticsProbes probes) {
        probes.addNonlinearityInput(input);
    }

    public ActivationFunction function() {
        return function;
    }
}
