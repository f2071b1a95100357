// Whole-network finite-difference gradient checks in float64: the analytic gradient of the mean
// softmax cross-entropy against central differences, for every activation and BN mode.
package org.shiftscope.model.net;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkGradientTest {
    static final double TOLERANCE = 1e-7;
    static final int INPUTS = 6;
    static final int CLASSES = 3;
    static final int DEPTH = 3;
    static final int WIDTH = 5;
    static final int BATCH = 8;

    static Stream<Arguments> cases() {
        return Stream.of(ActivationFunction.values())
                .flatMap(f -> Stream.of(BnMode.values()).map(m -> Arguments.of(f, m)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void wholeNetworkGradientMatchesFiniteDifferences(ActivationFunction activation, BnMode mode) {
        var spec = new NetworkSpec(INPUTS, CLASSES, DEPTH, WIDTH, activation, Initialization.HE, 3);
        var network = new Network(spec, BnMode.ON, DataType.DOUBLE);
        var random = new Random(7);
        var x = new double[BATCH * INPUTS];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian() + 0.5;
        }
        INDArray input = Nd4j.create(x, new long[]{BATCH, INPUTS}, DataType.DOUBLE); // (batch, inputs)
        int[] labels = random.ints(BATCH, 0, CLASSES).toArray();
        network.forward(input, Pass.TRAINING_STEP);   // move the running averages away from (0, 1)
        // Move every parameter off its initial value: zero biases put a ReLU exactly on its kink for any
        // example whose previous layer is all dead, where no finite difference is meaningful.
        network.setBnMode(BnMode.ON);
        network.parameters().forEach(p -> p.value().addi(0.1 + 0.05 * random.nextGaussian()));
        network.setBnMode(mode);

        network.zeroGradients();
        network.lossAndGradient(input, labels, Pass.BATCH_STATISTICS);
        for (Parameter p : network.parameters()) {
            double[] numeric = FiniteDifferences.gradient(p.value(), () ->
                    SoftmaxCrossEntropy.evaluate(network.forward(input, Pass.BATCH_STATISTICS), labels).meanLoss());
            double error = FiniteDifferences.maxRelativeError(p.gradient().dup().data().asDouble(), numeric);
            assertTrue(error < TOLERANCE, p.name() + " error " + error);
        }
    }
}
