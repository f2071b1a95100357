// Batch Normalization for convolutions as data (Ioffe & Szegedy 2015, Section 3.2: one γ, β and one pair of
// statistics per channel, over batch × height × width): its number (which names its parameters and files),
// channels, the images' side, ε and the momentum of its running averages.
package org.shiftscope.model.net;

import java.io.IOException;
import java.util.Arrays;

public record ChannelBatchNormSpec(int index, int channels, int side, double epsilon, double momentum) implements LayerSpec {
    static final String TYPE = "batchnorm2d";

    public ChannelBatchNormSpec {
        if (side < 1 || (long) channels * side * side > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a channel BN layer needs a side ≥ 1 and fewer than 2^31 values");
        }
        perChannel(index, channels, epsilon, momentum);
    }

    /** The per-channel BatchNorm it applies to one row per pixel; checks index, channels, ε and momentum. */
    static BatchNormSpec perChannel(int index, int channels, double epsilon, double momentum) {
        return new BatchNormSpec(index, channels, epsilon, momentum);
    }

    /** "bn2d0": the prefix of its parameters' names and export files. */
    public String name() {
        return "bn2d" + index;
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
        return new ChannelBatchNorm(this, new BatchNorm(perChannel(index, channels, epsilon, momentum), name(),
                context.dataType(), context.scratch()));
    }

    /** Each array has one value per channel; "side" gives the images, which must fill the input width. */
    static ChannelBatchNormSpec read(ExportedLayer entry, int width) throws IOException {
        double side = entry.number("side", 0, 0, 4096);
        if (side < 1 || side != Math.rint(side)) {
            throw entry.problem(entry.where() + " needs a whole \"side\" of at least 1 (its images' width and height)");
        }
        int channels = (int) entry.array(BatchNormSpec.ARRAYS.get(0)).elements();
        for (String name : BatchNormSpec.ARRAYS) {
            var values = entry.array(name);
            if (values.elements() != channels) {
                throw entry.problem(entry.where() + "'s " + name + " (" + values.file() + ") has " + values.elements()
                        + " values; its gamma has " + channels);
            }
            if (name.equals("running_var") && Arrays.stream(values.values()).anyMatch(v -> v < 0)) {
                throw entry.problem(entry.where() + "'s running_var holds a negative variance");
            }
        }
        int s = (int) side;
        if (channels < 1 || width >= 0 && width != channels * s * s) {
            throw entry.problem(entry.where() + " normalises " + channels + " channels of " + s + "×" + s
                    + " but the layer before gives " + width + " values");
        }
        try {
            return new ChannelBatchNormSpec(entry.ordinal(), channels, s, entry.positive("eps", NetworkSpec.DEFAULT_BN_EPSILON),
                    entry.number("momentum", NetworkSpec.DEFAULT_BN_MOMENTUM, 0, 1));
        } catch (IllegalArgumentException e) {
            throw entry.problem(entry.where() + ": " + e.getMessage());
        }
    }
}
