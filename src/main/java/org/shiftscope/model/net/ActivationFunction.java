// The element-wise nonlinearities a hidden layer can use, with the derivatives their backward pass needs.
// softplus10 is Softplus with β = 10, log(1 + e^{10z})/10: Page's smooth ReLU, so that second derivatives exist.
package org.shiftscope.model.net;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Locale;

public enum ActivationFunction {
    RELU, TANH, SIGMOID, SOFTPLUS, SOFTPLUS10;

    /** Softplus10's sharpness β (PyTorch's Softplus(beta=10)). */
    public static final double SHARP_BETA = 10;

    /** y = f(z), a new array. */
    public INDArray apply(INDArray z) {
        return switch (this) {
            case RELU -> Transforms.relu(z, true);
            case TANH -> Transforms.tanh(z, true);
            case SIGMOID -> Transforms.sigmoid(z, true);
            case SOFTPLUS -> Transforms.softPlus(z, true);
            case SOFTPLUS10 -> Transforms.relu(z, true).addi(Transforms.log(   // max(z, 0) + log(1 + e^{−β|z|})/β,
                    Transforms.exp(Transforms.abs(z, true).muli(-SHARP_BETA), false).addi(1.0), false)  // which
                    .divi(SHARP_BETA));                                                         // cannot overflow
        };
    }

    /** f'(z), written through y = f(z) where that is cheaper; a new array. */
    public INDArray derivative(INDArray z, INDArray y) {
        return switch (this) {
            case RELU -> Transforms.step(z, true);
            case TANH -> y.mul(y).rsubi(1.0);                 // 1 - tanh²
            case SIGMOID -> y.rsub(1.0).muli(y);              // σ(1 - σ)
            case SOFTPLUS -> Transforms.sigmoid(z, true);     // d/dz log(1 + e^z) = σ(z)
            case SOFTPLUS10 -> Transforms.sigmoid(z.mul(SHARP_BETA), false);   // σ(βz)
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
            case SOFTPLUS10 -> {
                INDArray s = Transforms.sigmoid(z.mul(SHARP_BETA), false);
                yield s.rsub(1.0).muli(s).muli(SHARP_BETA);                  // β·σ(βz)(1 − σ(βz))
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
