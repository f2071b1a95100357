// A fully connected layer z = x·W + b as data: its number among the network's dense layers (which names its
// parameters and export files) and its sizes; its weights are drawn by the network's initialisation scheme.
package org.shiftscope.model.net;

import java.io.IOException;
import java.util.Arrays;

public record DenseSpec(int index, int inputs, int outputs) implements LayerSpec {
    static final String TYPE = "dense";

    public DenseSpec {
        if (index < 0 || inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("a dense layer needs index ≥ 0, inputs ≥ 1 and outputs ≥ 1");
        }
    }

    /** "dense0": the prefix of its parameters' names. */
    public String name() {
        return TYPE + index;
    }

    @Override
    public Layer build(LayerContext context) {
        return new Dense(this, context.init().standardDeviation(inputs, outputs), context);
    }

    /** W (in, out) fixes the sizes; W must chain from {@code width} (unless < 0) and b must have out values. */
    static DenseSpec read(ExportedLayer entry, int width) throws IOException {
        var weights = entry.array("W");
        long[] shape = weights.shape();
        String w = entry.where() + "'s W (" + weights.file() + ")";
        if (shape.length != 2 || shape[0] < 1 || shape[1] < 1) {
            throw entry.problem(w + " has shape " + Arrays.toString(shape) + "; it must be (in, out) with sizes of at least 1");
        }
        if (width >= 0 && shape[0] != width) {
            throw entry.problem(w + " has " + shape[0] + " rows but the layer before gives " + width
                    + " outputs; the shapes must chain");
        }
        var bias = entry.array("b");
        if (bias.elements() != shape[1]) {
            throw entry.problem(entry.where() + "'s b (" + bias.file() + ") has " + bias.elements()
                    + " values; W gives " + shape[1] + " outputs");
        }
        return new DenseSpec(entry.ordinal(), (int) shape[0], (int) shape[1]);
    }
}
