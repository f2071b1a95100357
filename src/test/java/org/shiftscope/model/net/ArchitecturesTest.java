// The MLP architecture builds the layer sequence the network had before layers became data: per hidden layer
// Dense → BatchNorm → activation, then the output Dense, with the same parameter names and initial weights.
package org.shiftscope.model.net;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ArchitecturesTest {
    private static final int INPUTS = 6;
    private static final int CLASSES = 4;
    private static final int DEPTH = 2;
    private static final int WIDTH = 5;
    private static final long SEED = 11;

    @Test
    void theMlpIsDenseBatchNormActivationPerHiddenLayerThenAnOutputDense() {
        var layers = Architectures.mlp(INPUTS, CLASSES, DEPTH, WIDTH, ActivationFunction.TANH, 1e-5, 0.1);

        assertEquals(List.of(
                new DenseSpec(0, INPUTS, WIDTH), new BatchNormSpec(0, WIDTH, 1e-5, 0.1),
                new ActivationSpec(ActivationFunction.TANH, WIDTH),
                new DenseSpec(1, WIDTH, WIDTH), new BatchNormSpec(1, WIDTH, 1e-5, 0.1),
                new ActivationSpec(ActivationFunction.TANH, WIDTH),
                new DenseSpec(2, WIDTH, CLASSES)), layers);
    }

    @Test
    void theMlpNetworkHasTheFormerParameterNamesAndInitialWeights() {
        var spec = new NetworkSpec(INPUTS, CLASSES, DEPTH, WIDTH, ActivationFunction.RELU, Initialization.HE, SEED);
        var network = new Network(spec, BnMode.ON, DataType.DOUBLE);

        assertEquals(List.of(Dense.class, BatchNorm.class, Activation.class, Dense.class, BatchNorm.class,
                Activation.class, Dense.class), network.layers().stream().map(Object::getClass).toList());
        assertEquals(List.of("dense0.W", "dense0.b", "bn0.gamma", "bn0.beta", "dense1.W", "dense1.b", "bn1.gamma",
                "bn1.beta", "dense2.W", "dense2.b"), network.parameters().stream().map(Parameter::name).toList());
        var random = new Random(SEED);                 // W drawn layer after layer, row-major, std from He
        var sizes = List.of(new int[]{INPUTS, WIDTH}, new int[]{WIDTH, WIDTH}, new int[]{WIDTH, CLASSES});
        var denses = network.layersOf(Dense.class);
        for (int i = 0; i < sizes.size(); i++) {
            int[] size = sizes.get(i);
            double std = Initialization.HE.standardDeviation(size[0], size[1]);
            var expected = new ArrayList<Double>();
            for (int k = 0; k < size[0] * size[1]; k++) {
                expected.add(std * random.nextGaussian());
            }
            assertArrayEquals(expected.stream().mapToDouble(Double::doubleValue).toArray(),
                    denses.get(i).weights().value().dup('c').data().asDouble(), "dense" + i + ".W");
        }
    }

    @Test
    void theMlpKeepsItsFormerLimits() {
        assertThrows(IllegalArgumentException.class,
                () -> Architectures.mlp(INPUTS, 1, DEPTH, WIDTH, ActivationFunction.RELU, 1e-5, 0.1));
        assertThrows(IllegalArgumentException.class,
                () -> Architectures.mlp(INPUTS, CLASSES, 0, WIDTH, ActivationFunction.RELU, 1e-5, 0.1));
    }

    @Test
    void aSpecWhoseLayersDoNotChainIsRefused() {
        var layers = List.<LayerSpec>of(new DenseSpec(0, INPUTS, WIDTH), new BatchNormSpec(0, WIDTH + 1, 1e-5, 0.1));

        var error = assertThrows(IllegalArgumentException.class, () -> new NetworkSpec(layers, Initialization.HE, 0));

        assertEquals("layer 1 takes 6 units but layer 0 gives 5", error.getMessage());
    }
}
