// A gradient together with its directional derivatives R{·} along a block of Hessian-vector directions.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;

/** @param value a gradient (batch, n) @param tangent its directional derivatives, stacked by direction (b·batch, n) */
public record Tangent(INDArray value, INDArray tangent) {
}
