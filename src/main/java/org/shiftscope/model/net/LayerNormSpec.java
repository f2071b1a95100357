// A Layer Normalization layer as data (Ba, Kiros & Hinton 2016, arXiv 1607.06450): its number among the
// network's LayerNorm layers (which names its parameters and export files), its units and ε.
package org.shiftscope.model.net;

import java.io.IOException;
import java.util.List;
import java.util.Map;

public record LayerNormSpec(int index, int units, double epsilon) implements LayerSpec, GroupNormShape {
    static final String TYPE = "layernorm";
    /** The arrays of its export entry, in order. */
    static final List<String> ARRAYS = List.of("gamma", "beta");

    public LayerNormSpec {
        if (index < 0 || units < 2 || !(epsilon > 0)) {
            throw new IllegalArgumentException("a LayerNorm layer needs index ≥ 0, units ≥ 2 (it normalises over them) and ε > 0");
        }
    }

    /** "ln0": the prefix of its parameters' names. */
    public String name() {
        return "ln" + index;
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
        return new GroupNorm(this, context.dataType());
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Its units are the channels, each of one value, in one group. */
    @Override
    public int channels() {
        return units;
    }

    @Override
    public int area() {
        return 1;
    }

    @Override
    public int groups() {
        return 1;
    }

    @Override
    public Map<String, Object> layoutFields() {
        return Map.of("eps", epsilon);
    }

    /** Each array has one value per unit: the width of the layer before it, which must exist. */
    static LayerNormSpec read(ExportedLayer entry, int width) throws IOException {
        if (width < 0) {
            throw entry.problem(entry.where() + " comes first; a network starts with a layer that fixes the input width");
        }
        for (String name : ARRAYS) {
            var values = entry.array(name);
            if (values.elements() != width) {
                throw entry.problem(entry.where() + "'s " + name + " (" + values.file() + ") has " + values.elements()
                        + " values; its input width is " + width);
            }
        }
        if (width < 2) {
            throw entry.problem(entry.where() + " normalises over the units of the layer before, which gives only " + width);
        }
        return new LayerNormSpec(entry.ordinal(), width, entry.positive("eps", NetworkSpec.DEFAULT_BN_EPSILON));
    }
}
