// A Group Normalization layer as data (Wu & He 2018, arXiv 1803.08494): its number (which names its parameters
// and export files), channels, the images' side (1 for a dense layer's units), the number of groups, which
// must divide the channels, and ε.
package org.shiftscope.model.net;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

public record GroupNormSpec(int index, int channels, int side, int groups, double epsilon) implements LayerSpec, GroupNormShape {
    static final String TYPE = "groupnorm";

    public GroupNormSpec {
        if (index < 0 || channels < 1 || side < 1 || groups < 1 || channels % groups != 0 || !(epsilon > 0)
                || (long) channels * side * side > Integer.MAX_VALUE || channels / groups * side * side < 2) {
            throw new IllegalArgumentException("a GroupNorm layer needs groups that divide its channels, at least two "
                    + "values per group, a side ≥ 1, ε > 0 and fewer than 2^31 values");
        }
    }

    /** "gn0": the prefix of its parameters' names. */
    @Override
    public String name() {
        return "gn" + index;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int area() {
        return side * side;
    }

    @Override
    public int inputs() {
        return channels * side * side;
    }

    @Override
    public int outputs() {
        return inputs();
    }

    @Override
    public Layer build(LayerContext context) {
        return new GroupNorm(this, context.dataType());
    }

    @Override
    public Map<String, Object> layoutFields() {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("groups", groups);
        fields.put("side", side);
        fields.put("eps", epsilon);
        return fields;
    }

    /** gamma's length gives the channels; "groups" and "side" the layout, which must fill the input width. */
    static GroupNormSpec read(ExportedLayer entry, int width) throws IOException {
        int channels = (int) entry.array("gamma").elements();
        if (entry.array("beta").elements() != channels) {
            throw entry.problem(entry.where() + "'s beta has " + entry.array("beta").elements() + " values; gamma has " + channels);
        }
        double groups = entry.number("groups", 0, 0, Integer.MAX_VALUE);
        double side = entry.number("side", 0, 0, 4096);
        if (groups != Math.rint(groups) || side != Math.rint(side)) {
            throw entry.problem(entry.where() + " needs whole \"groups\" and \"side\"");
        }
        GroupNormSpec spec;
        try {
            spec = new GroupNormSpec(entry.ordinal(), channels, (int) side, (int) groups,
                    entry.positive("eps", NetworkSpec.DEFAULT_BN_EPSILON));
        } catch (IllegalArgumentException e) {
            throw entry.problem(entry.where() + ": " + e.getMessage());
        }
        if (width >= 0 && width != spec.inputs()) {
            throw entry.problem(entry.where() + " normalises " + spec.inputs() + " values but the layer before gives " + width);
        }
        return spec;
    }
}
