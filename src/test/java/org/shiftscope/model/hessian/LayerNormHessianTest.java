// The exact Hessian-vector product of networks with LayerNorm layers, against two independent oracles: a
// dense Hessian from second differences of the loss value on a tiny network, and central differences of the
// analytic gradient on a larger one. BN mode frozen is the same as on for LayerNorm (nothing to freeze); off
// bypasses it, as it does BatchNorm.
package org.shiftscope.model.hessian;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.shiftscope.model.data.Examples;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.ActivationSpec;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.DenseSpec;
import org.shiftscope.model.net.Initialization;
import org.shiftscope.model.net.LayerNormSpec;
import org.shiftscope.model.net.LayerSpec;
import org.shiftscope.model.net.Network;
import org.shiftscope.model.net.NetworkSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayerNormHessianTest {
    static final double ENTRY_TOLERANCE = HessianVectorProductTest.ENTRY_TOLERANCE;
    static final double PRODUCT_TOLERANCE = HessianVectorProductTest.PRODUCT_TOLERANCE;
    static final double SAME_LOSS_TOLERANCE = 1e-12;

    /** input → [Dense → LayerNorm → activation] × depth → Dense, with parameters moved off their initial values. */
    static EvaluationSetLoss loss(int inputs, int width, int depth, int classes, int examples, ActivationFunction activation,
                                  BnMode mode, long seed) {
        return loss(inputs, width, depth, classes, examples, activation, mode, seed, true);
    }

    /** As above, without the LayerNorm layers when {@code layerNorm} is false. */
    static EvaluationSetLoss loss(int inputs, int width, int depth, int classes, int examples, ActivationFunction activation,
                                  BnMode mode, long seed, boolean layerNorm) {
        var layers = new ArrayList<LayerSpec>();
        int in = inputs;
        for (int i = 0; i < depth; i++) {
            layers.add(new DenseSpec(i, in, width));
            if (layerNorm) {
                layers.add(new LayerNormSpec(i, width, NetworkSpec.DEFAULT_BN_EPSILON));
            }
            layers.add(new ActivationSpec(activation, width));
            in = width;
        }
        layers.add(new DenseSpec(depth, in, classes));
        var random = new Random(seed);
        var x = new float[examples * inputs];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() + 0.3);
        }
        var set = new Examples(x, random.ints(examples, 0, classes).toArray(), examples, inputs);
        var network = new Network(new NetworkSpec(List.copyOf(layers), Initialization.HE, seed), mode, DataType.DOUBLE);
        network.parameters().forEach(p -> {
            for (int k = 0; k < p.value().length(); k++) {
                p.value().putScalar(k, p.value().getDouble(k) + 0.2 * random.nextGaussian());
            }
        });
        return new EvaluationSetLoss(network, mode, set, examples, 0);
    }

    @Test
    void productMatchesLossSecondDifferencesOnATinyNetwork() {
        var loss = loss(3, 3, 2, 3, 12, ActivationFunction.TANH, BnMode.ON, 5);
        var operator = new ExactHessian(loss, () -> false);
        int n = operator.dimension();
        double[] w = loss.initialParameters();
        for (int j = 0; j < n; j++) {
            var e = new double[n];
            e[j] = 1;
            double[] column = operator.apply(e);
            for (int i = 0; i < n; i++) {
                double oracle = HessianVectorProductTest.secondDifference(loss, w, i, j);
                assertTrue(Math.abs(column[i] - oracle) < ENTRY_TOLERANCE * Math.max(1.0, Math.abs(oracle)),
                        "H[" + i + "][" + j + "] = " + column[i] + " vs " + oracle);
            }
        }
    }

    @Test
    void productMatchesGradientDifferencesOnALargerNetwork() {
        var loss = loss(10, 16, 3, 4, 40, ActivationFunction.SOFTPLUS, BnMode.ON, 8);
        HessianOracles.assertProductsMatchGradientDifferences(loss, 3, 3, PRODUCT_TOLERANCE);
    }

    @Test
    void frozenIsOnAndOffBypassesTheLayerNormLayers() {
        var on = loss(6, 8, 2, 3, 20, ActivationFunction.RELU, BnMode.ON, 9);
        var frozen = loss(6, 8, 2, 3, 20, ActivationFunction.RELU, BnMode.FROZEN, 9);
        assertEquals(on.value(on.initialParameters()), frozen.value(frozen.initialParameters()), SAME_LOSS_TOLERANCE);

        var off = loss(6, 8, 2, 3, 20, ActivationFunction.RELU, BnMode.OFF, 9);
        var without = loss(6, 8, 2, 3, 20, ActivationFunction.RELU, BnMode.OFF, 9, false);
        assertEquals(without.dimension(), off.dimension(), "off trains the dense layers alone");
        assertEquals(without.value(without.initialParameters()), off.value(off.initialParameters()), SAME_LOSS_TOLERANCE);
    }
}
