// The perturbation experiment restores the weights bit for bit, counts every example once, and a move along a
// hand-built direction (the classifier's bias of one class) makes the net predict that class everywhere.
package org.shiftscope.model.shift;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.shiftscope.model.data.Examples;
import org.shiftscope.model.hessian.ParameterVectors;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Initialization;
import org.shiftscope.model.net.Network;
import org.shiftscope.model.net.NetworkSpec;
import org.shiftscope.model.net.Parameter;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PerturbationTest {
    static final int INPUTS = 6;
    static final int CLASSES = 4;
    static final int EXAMPLES = 40;
    static final int GROUP = 8;

    @Test
    void theWeightsAreRestoredBitForBitAndEveryExampleIsCounted() {
        var network = network(BnMode.ON);
        double[] before = ParameterVectors.values(network.parameters());
        var random = new Random(2);
        var direction = new double[before.length];
        for (int i = 0; i < direction.length; i++) {
            direction[i] = random.nextGaussian();
        }
        var outcome = Perturbation.measure(network, set(), GROUP, direction, 0.3);

        assertArrayEquals(before, ParameterVectors.values(network.parameters()), 0.0, "restored bit for bit");
        assertEquals(EXAMPLES, Arrays.stream(outcome.before()).sum());
        assertEquals(EXAMPLES, Arrays.stream(outcome.after()).sum());
        assertEquals(0.3 * norm(before), outcome.stepNorm(), 1e-9 * norm(before));
        assertArrayEquals(outcome.before(), Perturbation.predictedClasses(network, set(), GROUP));
    }

    @Test
    void aMoveAlongOneClassifierBiasMakesTheFrozenNetPredictThatClassEverywhere() {
        var network = network(BnMode.FROZEN);
        var direction = new double[ParameterVectors.dimension(network.parameters())];
        int offset = 0;
        for (Parameter p : network.parameters()) {
            if (p.name().equals(classifierBias(network))) {
                direction[offset + 2] = 1;
            }
            offset += (int) p.size();
        }
        var outcome = Perturbation.measure(network, set(), GROUP, direction, 10);

        assertEquals(2, outcome.mostGained());
        assertEquals(1.0, outcome.shareAfter(2));
        double norm = outcome.stepNorm();
        assertEquals(norm, outcome.meanLogitChange()[2], 1e-4 * norm, "the bias moves every class-2 logit by the step");
        assertEquals(0, outcome.meanLogitChange()[1], 1e-6);
    }

    @Test
    void aZeroOrMisSizedDirectionIsRefused() {
        var network = network(BnMode.OFF);
        int n = ParameterVectors.dimension(network.parameters());
        assertThrows(IllegalArgumentException.class, () -> Perturbation.measure(network, set(), GROUP, new double[n], 0.01));
        assertThrows(IllegalArgumentException.class, () -> Perturbation.measure(network, set(), GROUP, new double[n + 1], 0.01));
    }

    @Test
    void theLayerSplitOfAllOnesCountsEachStageWeightsEntries() {
        var network = network(BnMode.ON);
        var ones = new double[ParameterVectors.dimension(network.parameters())];
        Arrays.fill(ones, 1);
        var share = LayerShiftShare.of(network, ones);

        assertEquals(network.stageWeights().stream().map(Parameter::name).toList(), share.layers());
        assertArrayEquals(network.stageWeights().stream().mapToDouble(Parameter::size).toArray(), share.squared(), 0.0);
        assertEquals((double) CLASSES * 5 / share.total(), share.classifierShare(), 1e-12, "the classifier is 5 → 4");
    }

    /** The classifier's bias: the last parameter that is not a weight matrix. */
    private static String classifierBias(Network network) {
        var names = network.parameters().stream().map(Parameter::name).toList();
        return names.get(names.size() - 1);
    }

    private static Network network(BnMode mode) {
        var network = new Network(new NetworkSpec(INPUTS, CLASSES, 2, 5, ActivationFunction.SOFTPLUS10,
                Initialization.HE, 4), mode, DataType.FLOAT);
        network.parameters().forEach(p -> p.value().addi(0.01));
        return network;
    }

    private static Examples set() {
        var random = new Random(6);
        var x = new float[EXAMPLES * INPUTS];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        return new Examples(x, random.ints(EXAMPLES, 0, CLASSES).toArray(), EXAMPLES, INPUTS);
    }

    private static double norm(double[] v) {
        return Math.sqrt(Arrays.stream(v).map(x -> x * x).sum());
    }
}
