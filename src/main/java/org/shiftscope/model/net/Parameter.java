// A trainable tensor and the gradient of the loss with respect to it, updated in place.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;

public final class Parameter {
    private final String name;
    private final INDArray value;
    private final INDArray gradient;

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

    public long size() {
        return value.length();
    }
}
