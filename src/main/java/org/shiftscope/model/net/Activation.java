// Element-wise nonlinearity layer y = f(z); backward multiplies by f'(z).
package org.shiftscope.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

public final class Activation implements Layer {
    private final ActivationFunction function;
    private INDArray input;    // z (batch, units)
    private INDArray output;   // f(z) (batch, units)
    private INDArray inputTangent; // ż (batch, units)

    public Activation(ActivationFunction function) {
        this.function = function;
    }

    @Override
    public INDArray forward(INDArray x, Pass pass) {
        input = x;                          // (batch, units)
        output = function.apply(x);         // (batch, units)
        return output;
    }

    @Override
    public INDArray backward(INDArray dOut) {
        return function.derivative(input, output).muli(dOut); // (batch, units)
    }

    @Override
    public INDArray forwardTangent(INDArray dz) {
        inputTangent = dz;
        return function.derivative(input, output).muli(dz);              // ẏ = f'(z)·ż (batch, units)
    }

    @Override
    public Tangent backwardTangent(Tangent dOut) {
        INDArray slope = function.derivative(input, output);             // f'(z) (batch, units)
        INDArray dz = slope.mul(dOut.value());                           // f'(z)·δ
        INDArray dzTangent = function.secondDerivative(input, output)    // f''(z)·ż·δ + f'(z)·δ̇
                .muli(inputTangent).muli(dOut.value())
                .addi(slope.muli(dOut.tangent()));
        return new Tangent(dz, dzTangent);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    public ActivationFunction function() {
        return function;
    }
}
