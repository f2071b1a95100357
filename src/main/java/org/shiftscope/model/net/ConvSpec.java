// A 3×3 convolution with stride 1 and same padding as data: its number among the network's convolutions
// (which names its parameters and export files), its input and output channels and the side of its square
// images. Its arrays are channel-major rows (channels·side·side), as PyTorch's (N, C, H, W) flattened.
package org.shiftscope.model.net;

import java.io.IOException;
import java.util.Arrays;

public record ConvSpec(int index, int channelsIn, int channelsOut, int side) implements LayerSpec {
    static final String TYPE = "conv3x3";

    public ConvSpec {
        if (index < 0 || channelsIn < 1 || channelsOut < 1 || side < 1
                || (long) Math.max(channelsIn, channelsOut) * side * side * ConvColumns.TAPS > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a convolution needs index ≥ 0, channels in and out ≥ 1, a side ≥ 1 "
                    + "and fewer than 2^31 values per example's patches");
        }
    }

    /** "conv0": the prefix of its parameters' names. */
    public String name() {
        return "conv" + index;
    }

    @Override
    public int inputs() {
        return channelsIn * side * side;
    }

    @Override
    public int outputs() {
        return channelsOut * side * side;
    }

    /** Its patches: 9 values per input channel and pixel. */
    @Override
    public long rowValues() {
        return Math.max((long) channelsIn * ConvColumns.TAPS * side * side, outputs());
    }

    /** Weights drawn with the fan-in of one output pixel (channels in × 9 taps). */
    @Override
    public Layer build(LayerContext context) {
        return new Conv(this, context.init().standardDeviation(channelsIn * ConvColumns.TAPS,
                channelsOut * ConvColumns.TAPS), context);
    }

    /** W (out, in, 3, 3) fixes the channels; "side" the image; the input width must be in·side². */
    static ConvSpec read(ExportedLayer entry, int width) throws IOException {
        var weights = entry.array("W");
        long[] shape = weights.shape();
        if (shape.length != 4 || shape[0] < 1 || shape[1] < 1 || shape[2] != 3 || shape[3] != 3) {
            throw entry.problem(entry.where() + "'s W (" + weights.file() + ") has shape " + Arrays.toString(shape)
                    + "; it must be (out, in, 3, 3)");
        }
        double sideField = entry.number("side", 0, 0, 4096);
        if (sideField < 1 || sideField != Math.rint(sideField)) {
            throw entry.problem(entry.where() + " needs a whole \"side\" of at least 1 (its images' width and height)");
        }
        int side = (int) sideField;
        ConvSpec spec;
        try {
            spec = new ConvSpec(entry.ordinal(), (int) shape[1], (int) shape[0], side);
        } catch (IllegalArgumentException e) {
            throw entry.problem(entry.where() + ": " + e.getMessage());
        }
        if (width >= 0 && width != spec.inputs()) {
            throw entry.problem(entry.where() + " takes " + shape[1] + " channels of " + side + "×" + side + " = "
                    + spec.inputs() + " values but the layer before gives " + width);
        }
        if (entry.array("b").elements() != shape[0]) {
            throw entry.problem(entry.where() + "'s b has " + entry.array("b").elements() + " values; W gives "
                    + shape[0] + " channels");
        }
        return spec;
    }
}
