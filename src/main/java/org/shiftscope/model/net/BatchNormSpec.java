// A Batch Normalization layer as data: its number among the network's BN layers (which names its parameters
// and export files), its units, ε and the momentum of its running averages.
package org.shiftscope.model.net;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

public record BatchNormSpec(int index, int units, double epsilon, double momentum) implements LayerSpec {
    static final String TYPE = "batchnorm";
    /** The arrays of its export entry, in order. */
    static final List<String> ARRAYS = List.of("gamma", "beta", "running_mean", "running_var");

    public BatchNormSpec {
        if (index < 0 || units < 1 || !(epsilon > 0) || !(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException("a BN layer needs index ≥ 0, units ≥ 1, ε > 0 and momentum in [0, 1]");
        }
    }

    /** "bn0": the prefix of its parameters' names. */
    public String name() {
        return "bn" + index;
    }

    @Override
    public int inputs() {
        return units;
    }

    @Override
    public int outputs() {
        return units;
    }

    @Override
    public Layer build(LayerContext context) {
        return new BatchNorm(this, context.dataType(), context.scratch());
    }

    /** Each array has one value per unit (the width before it, or gamma's length when it is first). */
    static BatchNormSpec read(ExportedLayer entry, int width) throws IOException {
        int units = width >= 0 ? width : (int) entry.array(ARRAYS.get(0)).elements();
        if (units < 1) {
            throw entry.problem(entry.where() + " comes first with no units; its gamma must have at least one value");
        }
        for (String name : ARRAYS) {
            var values = entry.array(name);
            String label = entry.where() + "'s " + name + " (" + values.file() + ")";
            if (values.elements() != units) {
                throw entry.problem(label + " has " + values.elements() + " values; its input width is " + units);
            }
            if (name.equals("running_var") && Arrays.stream(values.values()).anyMatch(v -> v < 0)) {
                throw entry.problem(label + " holds a negative variance");
            }
        }
        return new BatchNormSpec(entry.ordinal(), units, entry.positive("eps", NetworkSpec.DEFAULT_BN_EPSILON),
                entry.number("momentum", NetworkSpec.DEFAULT_BN_MOMENTUM, 0, 1));
    }
}
