// A block of Hessian-vector products (one forward and backward pass shared by the block, stacked tangents)
// against the same products one vector at a time, in float64 to 1e-12, in every BN mode, for activations
// with and without a second derivative, over uneven batch-statistics chunks and split across threads; and
// the float32 products against the float64 ones.
package org.shiftscope.model.hessian;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.shiftscope.model.data.Batches;
import org.shiftscope.model.data.Examples;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Initialization;
import org.shiftscope.model.net.Network;
import org.shiftscope.model.net.NetworkSpec;
import org.shiftscope.model.net.Pass;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

class BlockProductTest {
    /** Block against single products in float64: the same sums, in a different order at most. */
    static final double BLOCK_TOLERANCE = 1e-12;
    /** float32 products against float64 ones, relative to the product's norm. */
    static final double FLOAT32_TOLERANCE = 1e-4;
    static final int INPUTS = 10;
    static final int CLASSES = 4;
    static final int EXAMPLES = 60;       // chunks of 16, 16, 16 and 12 in BN on mode
    static final int CHUNK = 16;
    static final int BLOCK = 5;

    static EvaluationSetLoss loss(String activation, BnMode mode, DataType precision, int threads, double weightDecay) {
        var random = new Random(31);
        var x = new float[EXAMPLES * INPUTS];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() + 0.5);
        }
        var set = new Examples(x, random.ints(EXAMPLES, 0, CLASSES).toArray(), EXAMPLES, INPUTS);
        var network = new Network(new NetworkSpec(INPUTS, CLASSES, 3, 12, ActivationFunction.parse(activation),
                Initialization.XAVIER, 8), BnMode.ON, DataType.DOUBLE);
        network.forward(Batches.features(set, Batches.range(0, EXAMPLES), DataType.DOUBLE), Pass.TRAINING_STEP);
        network.parameters().forEach(p -> p.value().addi(0.05));       // γ ≠ 1, β ≠ 0, biases off zero
        return new EvaluationSetLoss(network, mode, set, CHUNK, weightDecay, precision, threads);
    }

    static double[][] randomBlock(int n, int size, long seed) {
        var random = new Random(seed);
        var block = new double[size][n];
        for (double[] v : block) {
            for (int i = 0; i < n; i++) {
                v[i] = random.nextGaussian();
            }
        }
        return block;
    }

    static double relativeDifference(double[] a, double[] b) {
        var d = a.clone();
        Vectors.axpy(-1, b, d);
        return Vectors.norm(d) / Vectors.norm(b);
    }

    @ParameterizedTest
    @CsvSource({"relu, off, 1, 0", "relu, on, 1, 0", "tanh, on, 2, 0", "sigmoid, frozen, 1, 0.01", "softplus, on, 2, 0",
            "tanh, off, 2, 0"})
    void aBlockGivesTheSingleProducts(String activation, String mode, int threads, double weightDecay) {
        var blocked = loss(activation, BnMode.parse(mode), DataType.DOUBLE, threads, weightDecay);
        var single = loss(activation, BnMode.parse(mode), DataType.DOUBLE, 1, weightDecay);
        double[][] block = randomBlock(single.dimension(), BLOCK, 3);
        double[][] products = blocked.hessianVectors(block);
        for (int i = 0; i < BLOCK; i++) {
            double difference = relativeDifference(products[i], single.hessianVector(block[i]));
            assertTrue(difference < BLOCK_TOLERANCE, "vector " + i + ": relative difference " + difference);
        }
    }

    @ParameterizedTest
    @CsvSource({"relu, on", "tanh, frozen", "softplus, off"})
    void float32ProductsFollowTheFloat64Ones(String activation, String mode) {
        var reference = loss(activation, BnMode.parse(mode), DataType.DOUBLE, 1, 0);
        var fast = loss(activation, BnMode.parse(mode), DataType.FLOAT, 2, 0);
        double[][] block = randomBlock(reference.dimension(), BLOCK, 4);
        double[][] products = fast.hessianVectors(block);
        for (int i = 0; i < BLOCK; i++) {
            double difference = relativeDifference(products[i], reference.hessianVector(block[i]));
            assertTrue(difference < FLOAT32_TOLERANCE, "vector " + i + ": relative difference " + difference);
        }
    }
}
