// The exact Hessian-vector product of a tiny residual network (an identity block and a projection block, with
// channel BN) against the two oracles of HessianOracles, with BN on and frozen: entries of the Hessian from
// second differences of the loss value, and products from central differences of the analytic gradient.
package org.shiftscope.model.hessian;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.shiftscope.model.data.Batches;
import org.shiftscope.model.data.Examples;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.ActivationSpec;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.ChannelBatchNormSpec;
import org.shiftscope.model.net.ConvSpec;
import org.shiftscope.model.net.DenseSpec;
import org.shiftscope.model.net.Initialization;
import org.shiftscope.model.net.LayerSpec;
import org.shiftscope.model.net.Network;
import org.shiftscope.model.net.NetworkSpec;
import org.shiftscope.model.net.Pass;
import org.shiftscope.model.net.PoolSpec;
import org.shiftscope.model.net.ResidualSpec;

import java.util.List;
import java.util.Random;

class ResidualHessianTest {
    static final double ENTRY_TOLERANCE = HessianVectorProductTest.ENTRY_TOLERANCE;
    static final double PRODUCT_TOLERANCE = HessianVectorProductTest.PRODUCT_TOLERANCE;
    static final int CLASSES = 3;

    /**
     * conv(1→s) → BN → softplus → residual[conv(s→s) → BN → tanh] → residual[conv(s→c) → BN → softplus] with a
     * projection conv(s→c) → global average → dense(c→3), on side×side single-channel images, its running
     * statistics moved by one training step and its parameters off their initial values.
     */
    static EvaluationSetLoss loss(int side, int stem, int channels, int examples, BnMode mode, long seed) {
        int area = side * side;
        var layers = List.<LayerSpec>of(new ConvSpec(0, 1, stem, side), norm(0, stem, side),
                new ActivationSpec(ActivationFunction.SOFTPLUS, stem * area),
                new ResidualSpec(0, List.of(new ConvSpec(1, stem, stem, side), norm(1, stem, side),
                        new ActivationSpec(ActivationFunction.TANH, stem * area)), null),
                new ResidualSpec(1, List.of(new ConvSpec(2, stem, channels, side), norm(2, channels, side),
                        new ActivationSpec(ActivationFunction.SOFTPLUS, channels * area)), new ConvSpec(3, stem, channels, side)),
                new PoolSpec(PoolSpec.Kind.GLOBAL_AVERAGE, channels, side), new DenseSpec(0, channels, CLASSES));
        var random = new Random(seed);
        var x = new float[examples * area];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() + 0.4);
        }
        var set = new Examples(x, random.ints(examples, 0, CLASSES).toArray(), examples, area);
        var network = new Network(new NetworkSpec(layers, Initialization.HE, seed), BnMode.ON, DataType.DOUBLE);
        network.forward(Batches.features(set, Batches.range(0, examples), DataType.DOUBLE), Pass.TRAINING_STEP);
        network.parameters().forEach(p -> {
            for (int k = 0; k < p.value().length(); k++) {
                p.value().putScalar(k, p.value().getDouble(k) + 0.1 * random.nextGaussian());
            }
        });
        return new EvaluationSetLoss(network, mode, set, examples, 0);
    }

    private static ChannelBatchNormSpec norm(int index, int channels, int side) {
        return new ChannelBatchNormSpec(index, channels, side, NetworkSpec.DEFAULT_BN_EPSILON, NetworkSpec.DEFAULT_BN_MOMENTUM);
    }

    /** 77 parameters: s = 1, c = 2 on 2×2 images keeps the upper triangle's second differences quick. */
    @ParameterizedTest
    @EnumSource(value = BnMode.class, names = {"ON", "FROZEN"})
    void entriesMatchLossSecondDifferences(BnMode mode) {
        HessianOracles.assertUpperTriangleMatchesSecondDifferences(loss(2, 1, 2, 6, mode, 4), ENTRY_TOLERANCE, mode + ": ");
    }

    @ParameterizedTest
    @EnumSource(value = BnMode.class, names = {"ON", "FROZEN"})
    void productsMatchGradientDifferences(BnMode mode) {
        HessianOracles.assertProductsMatchGradientDifferences(loss(4, 2, 4, 12, mode, 9), 2, 3, PRODUCT_TOLERANCE);
    }
}
