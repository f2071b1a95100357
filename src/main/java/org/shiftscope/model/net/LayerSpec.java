// One layer of a network as data: its type, its sizes and its settings. A network's structure is a list of
// these (NetworkSpec); each spec builds its layer and reads itself back from a model export entry.
package org.shiftscope.model.net;

import java.io.IOException;

public sealed interface LayerSpec permits DenseSpec, ConvSpec, PoolSpec, BatchNormSpec, ChannelBatchNormSpec, LayerNormSpec,
        GroupNormSpec, ActivationSpec, ResidualSpec {
    /** Units in: the width of the (batch, inputs) array the layer takes. */
    int inputs();

    /** Units out: the width of the (batch, outputs) array it gives. */
    int outputs();

    /**
     * Values per example of the widest array a pass through this layer makes: its input or output, or a
     * convolution's 3×3 patches. Bounds how many examples a Hessian pass may stack.
     */
    default long rowValues() {
        return Math.max(inputs(), outputs());
    }

    /** A new layer with freshly initialised parameters, in the context's data type. */
    Layer build(LayerContext context);

    /**
     * The spec of a layer entry of a model export (its "type" field picks the spec), checked against the
     * width of the layers before it ({@code width} < 0 when it is the first).
     */
    static LayerSpec read(ExportedLayer entry, int width) throws IOException {
        return switch (entry.type()) {
            case DenseSpec.TYPE -> DenseSpec.read(entry, width);
            case BatchNormSpec.TYPE -> BatchNormSpec.read(entry, width);
            case ConvSpec.TYPE -> ConvSpec.read(entry, width);
            case ChannelBatchNormSpec.TYPE -> ChannelBatchNormSpec.read(entry, width);
            case LayerNormSpec.TYPE -> LayerNormSpec.read(entry, width);
            case GroupNormSpec.TYPE -> GroupNormSpec.read(entry, width);
            case "max_pool_2x2" -> PoolSpec.read(PoolSpec.Kind.MAX_2X2, entry, width);
            case "global_avg_pool" -> PoolSpec.read(PoolSpec.Kind.GLOBAL_AVERAGE, entry, width);
            case ActivationSpec.TYPE -> ActivationSpec.read(entry, width);
            case ResidualSpec.TYPE -> ResidualSpec.read(entry, width);
            default -> throw entry.problem("unknown layer type '" + entry.type() + "'");
        };
    }
}
