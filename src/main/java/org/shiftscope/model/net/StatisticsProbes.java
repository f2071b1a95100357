// What the last forward pass showed to the per-layer activation statistics (docs/science.md, "Per-layer
// activation statistics"): each layer's probe adds its arrays here, in forward order.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;

public final class StatisticsProbes {
    private final List<INDArray> preActivations = new ArrayList<>();     // each (batch, units)
    private final List<INDArray> nonlinearityInputs = new ArrayList<>(); // each (batch, units)

    /** Forgets the previous pass. */
    void clear() {
        preActivations.clear();
        nonlinearityInputs.clear();
    }

    /** A Dense layer's output z. */
    public void addPreActivation(INDArray z) {
        preActivations.add(z);
    }

    /** The input of a nonlinearity: the BN output, or z when BN is off. */
    public void addNonlinearityInput(INDArray x) {
        nonlinearityInputs.add(x);
    }

    /** z of the i-th Dense layer (the last one's is the logits). */
    public INDArray preActivation(int i) {
        return preActivations.get(i);
    }

    /** The input of the i-th nonlinearity. */
    public INDArray nonlinearityInput(int i) {
        return nonlinearityInputs.get(i);
    }
}
