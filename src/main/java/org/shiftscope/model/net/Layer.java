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

    /** The parameters this layer trains right now (BatchNorm has none while it is bypassed). */
    List<Parameter> parameters();
}
