// A tensor together with its directional derivative R{·} along the Hessian-vector direction.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;

/** @param value a gradient (batch, n) @param tangent its directional derivative, same shape */
public record Tangent(INDArray value, INDArray tangent) {
}
