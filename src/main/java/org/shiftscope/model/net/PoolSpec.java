// A pooling layer as data: 2×2 max pooling with stride 2 (side even), or global average pooling to one value
// per channel; both over channel-major rows (channels·side·side) and without parameters.
package org.shiftscope.model.net;

import java.io.IOException;

public record PoolSpec(Kind kind, int channels, int side) implements LayerSpec {
    public enum Kind {
        MAX_2X2("max_pool_2x2"),
        GLOBAL_AVERAGE("global_avg_pool");

        final String type;

        Kind(String type) {
            this.type = type;
        }
    }

    public PoolSpec {
        if (kind == null || channels < 1 || side < 1 || kind == Kind.MAX_2X2 && side % 2 != 0
                || (long) channels * side * side > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a pooling layer needs channels ≥ 1, a side ≥ 1 (even for 2×2 max pooling) "
                    + "and fewer than 2^31 values");
        }
    }

    @Override
    public int inputs() {
        return channels * side * side;
    }

    @Override
    public int outputs() {
        return kind == Kind.MAX_2X2 ? channels * (side / 2) * (side / 2) : channels;
    }

    @Override
    public Layer build(LayerContext context) {
        return new Pool(this);
    }

    /** "channels" and "side" fix the sizes; the input width must be channels·side². */
    static PoolSpec read(Kind kind, ExportedLayer entry, int width) throws IOException {
        double channels = entry.number("channels", 0, 0, Integer.MAX_VALUE);
        double side = entry.number("side", 0, 0, 4096);
        if (channels < 1 || side < 1 || channels != Math.rint(channels) || side != Math.rint(side)
                || kind == Kind.MAX_2X2 && ((int) side) % 2 != 0) {
            throw entry.problem(entry.where() + " needs whole \"channels\" and \"side\" of at least 1"
                    + (kind == Kind.MAX_2X2 ? ", the side even" : ""));
        }
        PoolSpec spec;
        try {
            spec = new PoolSpec(kind, (int) channels, (int) side);
        } catch (IllegalArgumentException e) {
            throw entry.problem(entry.where() + ": " + e.getMessage());
        }
        if (width >= 0 && width != spec.inputs()) {
            throw entry.problem(entry.where() + " takes " + spec.inputs() + " values but the layer before gives " + width);
        }
        return spec;
    }
}
