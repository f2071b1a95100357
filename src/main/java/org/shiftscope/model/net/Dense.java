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
    private INDArray inputTangent;     // (batch, in) or null, cached for backwardTangent

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
        INDArray z = Matrices.multiply(x, weights.value());       // (batch, out)
        RowMajor.addRowInPlace(z, bias.value());                 // + b
        return z;
    }

    @Override
    public INDArray backward(INDArray dOut) {                     // dOut: (batch, out)
        Nd4j.gemm(input, dOut, weights.gradient(), true, false, 1.0, 1.0); // dW += xᵀ·dOut  (in, out)
        RowMajor.add(bias.gradient(), RowMajor.columnSums(dOut)); // db += Σ_batch dOut (1, out)
        return Matrices.multiply(dOut, weights.value(), false, true); // (batch, in)
    }

    @Override
    public INDArray forwardTangent(INDArray dx) {
        inputTangent = dx;
        INDArray tangent = Matrices.multiply(input, weights.direction()); // x·V_W (batch, out)
        RowMajor.addRowInPlace(tangent, bias.direction());                // + v_b
        if (dx != null) {
            Nd4j.gemm(dx, weights.value(), tangent, false, false, 1.0, 1.0);               // + ẋ·W
        }
        return tangent;
    }

    @Override
    public Tangent backwardTangent(Tangent dOut) {                      // (batch, out) each
        INDArray delta = dOut.value();
        INDArray deltaTangent = dOut.tangent();
        Nd4j.gemm(input, deltaTangent, weights.curvature(), true, false, 1.0, 1.0);   // R{dW} = xᵀ·δ̇ + ẋᵀ·δ
        if (inputTangent != null) {
            Nd4j.gemm(inputTangent, delta, weights.curvature(), true, false, 1.0, 1.0);
        }
        RowMajor.add(bias.curvature(), RowMajor.columnSums(deltaTangent));            // R{db} = Σ δ̇ (1, out)
        INDArray dx = Matrices.multiply(delta, weights.value(), false, true);          // (batch, in)
        INDArray dxTangent = Matrices.multiply(deltaTangent, weights.value(), false, true); // δ̇·Wᵀ + δ·V_Wᵀ
        Nd4j.gemm(delta, weights.direction(), dxTangent, false, true, 1.0, 1.0);
        return new Tangent(dx, dxTangent);
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
