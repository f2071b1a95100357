// The per-layer ‖∂loss/∂W_ℓ‖² of `reproduce yang` against an independent oracle: central finite differences of
// the mean loss over every weight of a tiny network, with BN on, off and in residual blocks; and the ReLU
// variance share on hand-made columns.
package org.shiftscope.model.reproduce.yang;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Network;
import org.shiftscope.model.net.NetworkSpec;
import org.shiftscope.model.net.Parameter;
import org.shiftscope.model.net.Pass;
import org.shiftscope.model.net.SoftmaxCrossEntropy;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InitialGradientsTest {
    static final int INPUTS = 5;
    static final int CLASSES = 3;
    static final int DEPTH = 3;
    static final int WIDTH = 4;
    static final int BATCH = 8;
    static final long SEED = 11;
    /** Central-difference step in float64: truncation ~h², rounding ~1e-16/h. */
    static final double STEP = 1e-6;
    /** Relative tolerance on a squared norm of finite-difference gradients. */
    static final double NORM_TOLERANCE = 1e-6;
    static final double EXACT = 1e-12;

    @Test
    void squaredNormsWithBatchNormMatchFiniteDifferences() {
        assertMatchesFiniteDifferences(YangNetworks.plain(INPUTS, CLASSES, DEPTH, WIDTH, SEED), BnMode.ON);
    }

    @Test
    void squaredNormsWithoutNormalisationMatchFiniteDifferences() {
        assertMatchesFiniteDifferences(YangNetworks.plain(INPUTS, CLASSES, DEPTH, WIDTH, SEED), BnMode.OFF);
    }

    @Test
    void squaredNormsOfTheResidualNetworkMatchFiniteDifferences() {
        assertMatchesFiniteDifferences(YangNetworks.residual(INPUTS, CLASSES, DEPTH, WIDTH, SEED), BnMode.ON);
    }

    @Test
    void reluVarianceShareIsComputedPerUnitAndAveraged() {
        // unit 0: {−1, 1} → ReLU {0, 1}: variance 1/4 over variance 1; unit 1: all positive, ReLU changes nothing
        INDArray u = Nd4j.create(new double[][]{{-1, 1}, {1, 3}});                 // (batch 2, units 2)
        assertEquals((0.25 + 1.0) / 2, InitialGradients.reluVarianceShare(u), EXACT);
    }

    @Test
    void thereIsOneShareAndOneNormPerLayer() {
        var spec = YangNetworks.plain(INPUTS, CLASSES, DEPTH, WIDTH, SEED);
        var measured = InitialGradients.measure(spec, BnMode.ON, inputs(), labels());
        assertEquals(DEPTH + 1, measured.squaredNorms().length);
        assertEquals(DEPTH, measured.reluVarianceShares().length);
    }

    private static void assertMatchesFiniteDifferences(NetworkSpec spec, BnMode mode) {
        INDArray x = inputs();
        int[] labels = labels();
        double[] analytic = InitialGradients.measure(spec, mode, x, labels).squaredNorms();
        var network = new Network(spec, mode, DataType.DOUBLE);
        var weights = network.stageWeights();
        assertEquals(DEPTH + 1, weights.size());
        assertEquals(weights.size(), analytic.length);
        for (int layer = 0; layer < weights.size(); layer++) {
            double numeric = squaredFiniteDifferenceGradient(network, weights.get(layer), x, labels);
            assertEquals(numeric, analytic[layer], NORM_TOLERANCE * numeric, "layer " + (layer + 1));
        }
    }

    /** Σ over the weights of (∂loss/∂w)², each by a central difference of the mean loss. */
    private static double squaredFiniteDifferenceGradient(Network network, Parameter weights, INDArray x, int[] labels) {
        INDArray flat = weights.value().reshape(weights.value().length());
        double sum = 0;
        for (int i = 0; i < flat.length(); i++) {
            double original = flat.getDouble(i);
            flat.putScalar(i, original + STEP);
            double plus = loss(network, x, labels);
            flat.putScalar(i, original - STEP);
            double minus = loss(network, x, labels);
            flat.putScalar(i, original);
            double derivative = (plus - minus) / (2 * STEP);
            sum += derivative * derivative;
        }
        return sum;
    }

    private static double loss(Network network, INDArray x, int[] labels) {
        return SoftmaxCrossEntropy.evaluate(network.forward(x, Pass.BATCH_STATISTICS), labels).meanLoss();
    }

    private static INDArray inputs() {
        var random = new Random(SEED);
        var values = new double[BATCH * INPUTS];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        return Nd4j.create(values, new long[]{BATCH, INPUTS}, DataType.DOUBLE);         // (batch, inputs)
    }

    private static int[] labels() {
        var labels = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            labels[i] = i % CLASSES;
        }
        return labels;
    }
}
