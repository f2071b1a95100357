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

    /** dLoss/dInput alone, as {@link #backward} returns it, without touching the parameters' gradients. */
    INDArray backwardInput(INDArray dOut);

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
     * R-backward pass: given dLoss/dOut δ (batch, out) of the same forward pass and its directional derivatives
     * δ̇ (b·batch, out), adds R{dLoss/dθ} to each parameter's curvatures(b) and returns R{dLoss/dIn}
     * (b·batch, in), or null when nothing upstream needs it (a network's first layer). Call after
     * forwardTangent().
     */
    INDArray backwardTangent(INDArray delta, INDArray deltaTangents, int block);

    /** The parameters this layer trains right now (BatchNorm has none while it is bypassed). */
    List<Parameter> parameters();
}
