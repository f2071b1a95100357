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
     * and returns dLoss/dInput, or null when nothing upstream needs it (a network's first layer).
     * @param dOut (batch, out) @return (batch, in)
     */
    INDArray backward(INDArray dOut);

    /**
     * R-forward pass (Pearlmutter 1994) for a block of b Hessian-vector directions at once: the directional
     * derivatives of this layer's output along each direction held in the parameters' directions(b) and the
     * input's tangents. Call after forward() on the same input.
     * @param inputTangents (b·batch, in) stacked by direction, or null when the input does not depend on the
     *                      parameters
     * @return (b·batch, out)
     */
    INDArray forwardTangent(INDArray inputTangents, int block);

    /**
     * R-backward pass: given dLoss/dOut (batch, out) and its directional derivatives (b·batch, out), adds
     * R{dLoss/dθ} to each parameter's curvatures(b) and returns dLoss/dIn with its directional derivatives,
     * or null when nothing upstream needs them (a network's first layer). Call after forwardTangent().
     */
    Tangent backwardTangent(Tangent dOut, int block);

    /** The parameters this layer trains right now (BatchNorm has none while it is bypassed). */
    List<Parameter> parameters();
}
