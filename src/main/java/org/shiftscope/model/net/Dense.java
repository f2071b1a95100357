// Fully connected layer z = x·W + b with W shaped (in, out), the convention of the model export.
// Its R-operator passes (Pearlmutter 1994) take a block of b directions at once: the products that share a
// factor across the block (x, δ, W) are one matrix product each over the stacked or side-by-side block.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

public final class Dense implements Layer {
    private final Parameter weights;   // (in, out)
    private final Parameter bias;      // (1, out)
    private final boolean inputGradients;
    private INDArray input;            // (batch, in), cached for backward
    private INDArray inputTangent;     // (b·batch, in) or null, cached for backwardTangent

    public Dense(String name, int in, int out, double weightStd, Random random, DataType dtype) {
        this(name, in, out, weightStd, random, dtype, true);
    }

    /**
     * @param inputGradients false for a network's first layer: nothing upstream needs dLoss/dInput, and
     *                       skipping it saves the layer's widest matrix products
     */
    Dense(String name, int in, int out, double weightStd, Random random, DataType dtype, boolean inputGradients) {
        var w = new double[in * out];
        for (int i = 0; i < w.length; i++) {
            w[i] = weightStd * random.nextGaussian();
        }
        this.weights = new Parameter(name + ".W", Nd4j.create(w, new long[]{in, out}, dtype));
        this.bias = new Parameter(name + ".b", Nd4j.zeros(dtype, 1, out));
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
        INDArray curvature = StackedBlocks.stacked(
                Matrices.multiply(input, deltaTangents, true, false), block);                // xᵀ·δ̇_i (b·in, out)
        if (inputTangent != null) {
            Nd4j.gemm(StackedBlocks.sideBySide(inputTangent, block), delta, curvature,
                    true, false, 1.0, 1.0);                                                   // + ẋ_iᵀ·δ
        }
        weights.curvatures(block).addi(curvature);
        RowMajor.add(bias.curvatures(block), RowMajor.blockColumnSums(deltaTangent, block)); // (b, out)
        if (!inputGradients) {
            return null;
        }
        INDArray dxTangent = Matrices.multiply(deltaTangent, weights.value(), false, true);   // δ̇_i·Wᵀ (b·batch, in)
        dxTangent.addi(StackedBlocks.stacked(
                Matrices.multiply(delta, weights.directions(block), false, true), block));   // + δ·V_iᵀ
        return dxTangent;
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
