// A trainable tensor, the gradient of the loss with respect to it, and — for exact Hessian-vector products
// (Pearlmutter 1994, "Fast exact multiplication by the Hessian") — a direction v and the accumulated (H·v).
package org.shiftscope.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.shiftscope.model.Workspaces;

public final class Parameter {
    private final String name;
    private final INDArray value;
    private final INDArray gradient;
    private INDArray direction;
    private INDArray curvature;

    public Parameter(String name, INDArray value) {
        this.name = name;
        this.value = value;
        this.gradient = value.ulike().assign(0.0);
    }

    /** e.g. "dense0.W", "bn3.gamma": stable across rebuilds, used for exports and optimiser state. */
    public String name() {
        return name;
    }

    public INDArray value() {
        return value;
    }

    public INDArray gradient() {
        return gradient;
    }

    /** This parameter's slice of the direction v of a Hessian-vector product (created on first use). */
    public INDArray direction() {
        if (direction == null) {
            try (var ignored = Workspaces.detached()) {
                direction = value.ulike().assign(0.0);
            }
        }
        return direction;
    }

    /** The accumulated slice of H·v, filled by the R-backward passes (created on first use). */
    public INDArray curvature() {
        if (curvature == null) {
            try (var ignored = Workspaces.detached()) {
                curvature = value.ulike().assign(0.0);
            }
        }
        return curvature;
    }

    public long size() {
        return value.length();
    }
}
