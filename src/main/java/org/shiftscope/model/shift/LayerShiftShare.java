// Where a synchronised shift lives (Page, "How to train your ResNet 7"): a parameter-space direction, such as the
// gradient of one class's batch-mean logit, split into ‖·‖² per stage weight matrix, the classifier last.
package org.shiftscope.model.shift;

import org.shiftscope.model.net.Network;
import org.shiftscope.model.net.Parameter;

import java.util.IdentityHashMap;
import java.util.List;

/**
 * @param layers  the stage weights' names in forward order ("dense0.W", …), the classifier's last
 * @param squared ‖d_ℓ‖² of each, the direction's part in that weight matrix
 */
public record LayerShiftShare(List<String> layers, double[] squared) {
    /** Σ_ℓ ‖d_ℓ‖² over the stage weights (biases and BN parameters are not layers' weights). */
    public double total() {
        double sum = 0;
        for (double s : squared) {
            sum += s;
        }
        return sum;
    }

    /** The classifier's (last layer's) part of the total, in [0, 1]. */
    public double classifierShare() {
        double total = total();
        return total > 0 ? squared[squared.length - 1] / total : 0;
    }

    /**
     * @param direction a flat vector over {@code network.parameters()} in their order (as ParameterVectors lays it)
     */
    public static LayerShiftShare of(Network network, double[] direction) {
        var offsets = new IdentityHashMap<Parameter, Integer>();
        int offset = 0;
        for (Parameter p : network.parameters()) {
            offsets.put(p, offset);
            offset += (int) p.size();
        }
        if (offset != direction.length) {
            throw new IllegalArgumentException("the direction has " + direction.length + " values; the network has "
                    + offset + " parameters");
        }
        var weights = network.stageWeights();
        var squared = new double[weights.size()];
        for (int l = 0; l < squared.length; l++) {
            Integer start = offsets.get(weights.get(l));
            if (start == null) {
                throw new IllegalStateException(weights.get(l).name() + " does not train in this BN mode");
            }
            for (int i = start; i < start + weights.get(l).size(); i++) {
                squared[l] += direction[i] * direction[i];
            }
        }
        return new LayerShiftShare(weights.stream().map(Parameter::name).toList(), squared);
    }
}
