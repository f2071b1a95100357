// What the last forward pass showed to the per-layer activation statistics (docs/science.md, "Per-layer
// activation statistics"): each layer's probe adds its arrays here, in forward order, with the pixels per
// channel of their layout (1 for a dense layer's units), so that convolutions are measured per channel.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;

public final class StatisticsProbes {
    /**
     * One probed array and its layout.
     * @param values (batch, channels·area), channel-major within each row
     * @param area   values per channel in each row: side² for images, 1 for units
     */
    public record Probe(INDArray values, int area) {
        public int channels() {
            return (int) (values.size(1) / area);
        }
    }

    private final List<Probe> preActivations = new ArrayList<>();
    private final List<Probe> nonlinearityInputs = new ArrayList<>();

    /** Forgets the previous pass. */
    void clear() {
        preActivations.clear();
        nonlinearityInputs.clear();
    }

    /** A weight layer's output z: a Dense layer's units (area 1) or a convolution's channels (area side²). */
    public void addPreActivation(INDArray z, int area) {
        preActivations.add(new Probe(z, area));
    }

    /**
     * The input of a nonlinearity: the normalised z, or z itself without normalisation. It has the layout of the
     * latest pre-activation, since normalisation keeps shapes.
     */
    public void addNonlinearityInput(INDArray x) {
        int area = preActivations.isEmpty() ? 1 : preActivations.get(preActivations.size() - 1).area();
        nonlinearityInputs.add(new Probe(x, area));
    }

    /** z of the i-th weight layer (the last one's is the logits). */
    public Probe preActivation(int i) {
        return preActivations.get(i);
    }

    /** The input of the i-th nonlinearity. */
    public Probe nonlinearityInput(int i) {
        return nonlinearityInputs.get(i);
    }
}
