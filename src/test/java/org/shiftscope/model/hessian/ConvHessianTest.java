// The exact Hessian-vector product of small convolutional networks (3×3 convolutions, pooling, a dense
// classifier) against two independent oracles: entries of the Hessian from second differences of the loss
// value, and products from central differences of the analytic gradient.
package org.shiftscope.model.hessian;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.shiftscope.model.data.Examples;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.ActivationSpec;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.ChannelBatchNormSpec;
import org.shiftscope.model.net.ConvSpec;
import org.shiftscope.model.net.DenseSpec;
import org.shiftscope.model.net.Initialization;
import org.shiftscope.model.net.GroupNormSpec;
import org.shiftscope.model.net.LayerNormSpec;
import org.shiftscope.model.net.LayerSpec;
import org.shiftscope.model.net.Network;
import org.shiftscope.model.net.NetworkSpec;
import org.shiftscope.model.net.PoolSpec;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ConvHessianTest {
    static final double ENTRY_TOLERANCE = HessianVectorProductTest.ENTRY_TOLERANCE;
    static final double PRODUCT_TOLERANCE = HessianVectorProductTest.PRODUCT_TOLERANCE;
    static final int SAMPLED_OFF_DIAGONAL = 80;
    static final int CLASSES = 3;

    /** conv(1→c) → tanh → conv(c→c) → [LayerNorm] → softplus → dense, on side×side single-channel images. */
    static EvaluationSetLoss loss(int side, int channels, boolean layerNorm, int examples, long seed) {
        int units = channels * side * side;
        var layers = new java.util.ArrayList<LayerSpec>(List.of(new ConvSpec(0, 1, channels, side),
                new ActivationSpec(ActivationFunction.TANH, units), new ConvSpec(1, channels, channels, side)));
        if (layerNorm) {
            layers.add(new LayerNormSpec(0, units, NetworkSpec.DEFAULT_BN_EPSILON));
        }
        layers.add(new ActivationSpec(ActivationFunction.SOFTPLUS, units));
        layers.add(new DenseSpec(0, units, CLASSES));
        var random = new Random(seed);
        var x = new float[examples * side * side];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        var set = new Examples(x, random.ints(examples, 0, CLASSES).toArray(), examples, side * side);
        var network = new Network(new NetworkSpec(layers, Initialization.HE, seed), BnMode.ON, DataType.DOUBLE);
        network.parameters().forEach(p -> p.value().addi(0.05));
        return new EvaluationSetLoss(network, BnMode.ON, set, examples, 0);
    }

    @Test
    void entriesMatchLossSecondDifferences() {
        var loss = loss(3, 2, false, 8, 4);
        var operator = new ExactHessian(loss, () -> false);
        int n = operator.dimension();
        double[] w = loss.initialParameters();
        var random = new Random(6);
        var columns = new double[n][];
        for (int check = 0; check < n + SAMPLED_OFF_DIAGONAL; check++) {
            int i = check < n ? check : random.nextInt(n);
            int j = check < n ? check : random.nextInt(n);
            if (columns[j] == null) {
                var e = new double[n];
                e[j] = 1;
                columns[j] = operator.apply(e);
            }
            double oracle = HessianVectorProductTest.secondDifference(loss, w, i, j);
            assertTrue(Math.abs(columns[j][i] - oracle) < ENTRY_TOLERANCE * Math.max(1.0, Math.abs(oracle)),
                    "H[" + i + "][" + j + "] = " + columns[j][i] + " vs " + oracle);
        }
    }

    /** conv(1→2) → tanh → 2×2 max pool → conv(2→2) → softplus → global average → dense, on 4×4 images. */
    @Test
    void entriesMatchLossSecondDifferencesThroughPooling() {
        var layers = List.<LayerSpec>of(new ConvSpec(0, 1, 2, 4), new ActivationSpec(ActivationFunction.TANH, 32),
                new PoolSpec(PoolSpec.Kind.MAX_2X2, 2, 4), new ConvSpec(1, 2, 2, 2),
                new ActivationSpec(ActivationFunction.SOFTPLUS, 8), new PoolSpec(PoolSpec.Kind.GLOBAL_AVERAGE, 2, 2),
                new DenseSpec(0, 2, CLASSES));
        var random = new Random(12);
        int examples = 10;
        var x = new float[examples * 16];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        var set = new Examples(x, random.ints(examples, 0, CLASSES).toArray(), examples, 16);
        var network = new Network(new NetworkSpec(layers, Initialization.HE, 5), BnMode.ON, DataType.DOUBLE);
        network.parameters().forEach(p -> p.value().addi(0.05));
        var loss = new EvaluationSetLoss(network, BnMode.ON, set, examples, 0);
        HessianOracles.assertUpperTriangleMatchesSecondDifferences(loss, ENTRY_TOLERANCE, "");
    }

    /** conv(1→2) → channel BN → tanh → dense on 3×3 images, in each BN mode. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(BnMode.class)
    void entriesMatchLossSecondDifferencesThroughChannelBatchNorm(BnMode mode) {
        var layers = List.<LayerSpec>of(new ConvSpec(0, 1, 2, 3),
                new ChannelBatchNormSpec(0, 2, 3, NetworkSpec.DEFAULT_BN_EPSILON, NetworkSpec.DEFAULT_BN_MOMENTUM),
                new ActivationSpec(ActivationFunction.TANH, 18), new DenseSpec(0, 18, CLASSES));
        var random = new Random(14);
        int examples = 8;
        var x = new float[examples * 9];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() + 0.4);
        }
        var set = new Examples(x, random.ints(examples, 0, CLASSES).toArray(), examples, 9);
        var network = new Network(new NetworkSpec(layers, Initialization.HE, 6), BnMode.ON, DataType.DOUBLE);
        network.forward(org.shiftscope.model.data.Batches.features(set, org.shiftscope.model.data.Batches.range(0, examples),
                DataType.DOUBLE), org.shiftscope.model.net.Pass.TRAINING_STEP);          // running statistics away from (0, 1)
        network.parameters().forEach(p -> p.value().addi(0.05));
        var loss = new EvaluationSetLoss(network, mode, set, examples, 0);
        HessianOracles.assertUpperTriangleMatchesSecondDifferences(loss, ENTRY_TOLERANCE, mode + ": ");
    }

    /** conv(1→4) → GroupNorm(2 groups) → tanh → dense on 2×2 images. */
    @Test
    void entriesMatchLossSecondDifferencesThroughGroupNorm() {
        var layers = List.<LayerSpec>of(new ConvSpec(0, 1, 4, 2), new GroupNormSpec(0, 4, 2, 2, NetworkSpec.DEFAULT_BN_EPSILON),
                new ActivationSpec(ActivationFunction.TANH, 16), new DenseSpec(0, 16, CLASSES));
        var random = new Random(15);
        int examples = 6;
        var x = new float[examples * 4];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        var set = new Examples(x, random.ints(examples, 0, CLASSES).toArray(), examples, 4);
        var network = new Network(new NetworkSpec(layers, Initialization.HE, 2), BnMode.ON, DataType.DOUBLE);
        network.parameters().forEach(p -> p.value().addi(0.05));
        var loss = new EvaluationSetLoss(network, BnMode.ON, set, examples, 0);
        HessianOracles.assertUpperTriangleMatchesSecondDifferences(loss, ENTRY_TOLERANCE, "");
    }

    @Test
    void productsMatchGradientDifferencesWithLayerNorm() {
        var loss = loss(4, 3, true, 20, 7);
        HessianOracles.assertProductsMatchGradientDifferences(loss, 2, 3, PRODUCT_TOLERANCE);
    }
}
