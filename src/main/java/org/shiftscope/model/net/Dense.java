// Fully connected layer z = x·W + b with W shaped (in, out), the convention of the model export.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

public final class Dense implements Layer {
    private final Parameter weights;   // (in, out)
    private final Parameter bias;      // (1, out)
    private INDArray input;            // (batch, in), cached for backward

    public Dense(String name, int in, int out, double weightStd, Random random, DataType dtype) {
        var w = new double[in * out];
        for (int i = 0; i < w.length; i++) {
            w[i] = weightStd * random.nextGaussian();
        }
        this.weights = new Parameter(name + ".W", Nd4j.create(w, new long[]{in, out}, dtype));
        this.bias = new Parameter(name + ".b", Nd4j.zeros(dtype, 1, out));
    }

    @Override
    public INDArray forward(INDArray x, Pass pass) {
        input = x;                                               // (batch, in)
        return x.mmul(weights.value()).addiRowVector(bias.value()); // (batch, out)
    }

    @Override
    public INDArray backward(INDArray dOut) {                     // dOut: (batch, out)
        Nd4j.gemm(input, dOut, weights.gradient(), true, false, 1.0, 1.0); // dW += xᵀ·dOut  (in, out)
        bias.gradient().addi(dOut.sum(true, 0));                 // db += Σ_batch dOut (1, out)
        return dOut.mmul(weights.value().transpose());           // (batch, in)
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weights, bias);
    }

    public Parameter weights() {
        return weights;
    }

    public Parameter bias() {
        return bias;
    }
}
