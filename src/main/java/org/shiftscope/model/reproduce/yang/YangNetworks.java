// The networks of `reproduce yang`: the project's ReLU MLP with BatchNorm before each activation, and a residual
// MLP whose blocks are He et al.'s y = ReLU(BN(x·W) + x) (arXiv 1512.03385), the resnet architecture's block shape.
package org.shiftscope.model.reproduce.yang;

import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.ActivationSpec;
import org.shiftscope.model.net.Architectures;
import org.shiftscope.model.net.BatchNormSpec;
import org.shiftscope.model.net.DenseSpec;
import org.shiftscope.model.net.Initialization;
import org.shiftscope.model.net.LayerSpec;
import org.shiftscope.model.net.NetworkSpec;
import org.shiftscope.model.net.ResidualSpec;

import java.util.ArrayList;
import java.util.List;

public final class YangNetworks {
    private YangNetworks() {
    }

    /** The spec of {@code variant}, He-initialised from {@code seed}. */
    public static NetworkSpec of(Variant variant, int inputs, int classes, int depth, int width, long seed) {
        return variant.residual() ? residual(inputs, classes, depth, width, seed)
                : plain(inputs, classes, depth, width, seed);
    }

    /** input → [Dense → BN → ReLU] × depth → Dense; BN bypassed in mode off gives the same weights without it. */
    public static NetworkSpec plain(int inputs, int classes, int depth, int width, long seed) {
        return new NetworkSpec(Architectures.mlp(inputs, classes, depth, width, ActivationFunction.RELU,
                NetworkSpec.DEFAULT_BN_EPSILON, NetworkSpec.DEFAULT_BN_MOMENTUM), Initialization.HE, seed);
    }

    /**
     * input → Dense → BN → ReLU, then depth − 1 blocks ReLU(BN(x·W) + x), then Dense: depth weight layers before
     * the classifier, as in the plain MLP, so that layer ℓ of both is compared.
     */
    public static NetworkSpec residual(int inputs, int classes, int depth, int width, long seed) {
        var layers = new ArrayList<LayerSpec>();
        layers.add(new DenseSpec(0, inputs, width));
        layers.add(batchNorm(0, width));
        layers.add(new ActivationSpec(ActivationFunction.RELU, width));
        for (int block = 1; block < depth; block++) {
            var body = List.<LayerSpec>of(new DenseSpec(block, width, width), batchNorm(block, width));
            layers.add(new ResidualSpec(block - 1, body, null));
            layers.add(new ActivationSpec(ActivationFunction.RELU, width));
        }
        layers.add(new DenseSpec(depth, width, classes));
        return new NetworkSpec(layers, Initialization.HE, seed);
    }

    private static BatchNormSpec batchNorm(int index, int width) {
        return new BatchNormSpec(index, width, NetworkSpec.DEFAULT_BN_EPSILON, NetworkSpec.DEFAULT_BN_MOMENTUM);
    }
}
