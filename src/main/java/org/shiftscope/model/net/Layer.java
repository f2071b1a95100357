// One stage of the network with its forward and backward pass side by side (micrograd / "Deep
// Learning from Scratch" style): forward caches what backward needs, backward fills parameter gradients.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

public interface Layer {
    /** @param x (batch, in) @return (batch, out) */
    INDArray forward(INDArray x, Pass pass);

    /**
     * Back-propagates through the cached forward pass: adds dLoss/dParameter to each parameter's gradient
     * and returns dLoss/dInput.
     * @param dOut (batch, out) @return (batch, in)
     */
    INDArray backward(INDArray dOut);

    /**
     * R-forward pass (Pearlmutter 1994): the directional derivative of this layer's output along the parameter
     * directions and the input's tangent. Call after forward() on the same input.
     * @param inputTangent (batch, in), or null when the input does not depend on the parameters
     * @return (batch, out)
     */
    INDArray forwardTangent(INDArray inputTangent);

    /**
     * R-backward pass: given dLoss/dOut and its directional derivative, adds R{dLoss/dθ} to each parameter's
     * curvature() and returns dLoss/dIn with its directional derivative. Call after forwardTangent().
     */
    Tangent backwardTangent(Tangent dOut);

    /** The parameters this layer trains right now (BatchNorm has none while it is bypassed). */
    List<Parameter> parameters();
}
