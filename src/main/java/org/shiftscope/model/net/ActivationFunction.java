// The element-wise nonlinearities a hidden layer can use, with the derivatives their backward pass needs.
package org.shiftscope.model.net;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Locale;

public enum ActivationFunction {
    RELU, TANH, SIGMOID, SOFTPLUS;

    /** y = f(z), a new array. */
    public INDArray apply(INDArray z) {
        return switch (this) {
            case RELU -> Transforms.relu(z, true);
            case TANH -> Transforms.tanh(z, true);
            case SIGMOID -> Transforms.sigmoid(z, true);
            case SOFTPLUS -> Transforms.softPlus(z, true);
        };
    }

    /** f'(z), written through y = f(z) where that is cheaper; a new array. */
    public INDArray derivative(INDArray z, INDArray y) {
        return switch (this) {
            case RELU -> Transforms.step(z, true);
            case TANH -> y.mul(y).rsubi(1.0);                 // 1 - tanh²
            case SIGMOID -> y.rsub(1.0).muli(y);              // σ(1 - σ)
            case SOFTPLUS -> Transforms.sigmoid(z, true);     // d/dz log(1 + e^z) = σ(z)
        };
    }

    /** f''(z), written through y = f(z); a new array. ReLU's is 0 almost everywhere (as autograd takes it). */
    public INDArray secondDerivative(INDArray z, INDArray y) {
        return switch (this) {
            case RELU -> z.ulike().assign(0.0);
            case TANH -> y.mul(y).rsubi(1.0).muli(y).muli(-2.0);           // −2·tanh·(1 − tanh²)
            case SIGMOID -> y.rsub(1.0).muli(y).muli(y.mul(-2.0).addi(1.0)); // σ(1 − σ)(1 − 2σ)
            case SOFTPLUS -> {
                INDArray s = Transforms.sigmoid(z, true);
                yield s.rsub(1.0).muli(s);                                   // σ(z)(1 − σ(z))
            }
        };
    }

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ActivationFunction parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
