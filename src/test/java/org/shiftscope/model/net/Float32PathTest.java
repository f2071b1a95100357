// Training runs in float32 through the host-buffer loops of RowMajor (BatchNorm, Dense's bias, SGD) and the
// convnet's float32 rearrangements (ConvColumns, Pool), inside a reusable workspace; the float64 path is the
// one checked by finite differences (NetworkGradientTest, LayerGradientTest).
// Oracle: the same network in float64 gives the same loss, gradients and update to float32 precision, and
// the workspace changes nothing (bit-identical).
package org.shiftscope.model.net;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.shiftscope.model.Workspaces;
import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.train.SgdOptimizer;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Float32PathTest {
    /** Relative to each array's largest magnitude: float32 round-off through a dozen layers. */
    static final double FLOAT32_TOLERANCE = 2e-4;
    /** Scale below which an array counts as zero: with BN on, Dense biases get no gradient and stay at ~1e-11. */
    static final double NEGLIGIBLE_SCALE = 1e-3;
    static final int INPUTS = 20;
    static final int CLASSES = 4;
    static final int DEPTH = 4;
    static final int WIDTH = 24;
    static final int BATCH = 16;
    static final int STEPS = 3;
    /** The convnet case: 1×8×8 images, three stages of 4, 8 and 16 channels (two of them pooling). */
    static final int IMAGE_INPUTS = 64;
    static final int CONV_STAGES = 3;
    static final int CONV_WIDTH = 4;

    @ParameterizedTest
    @EnumSource(BnMode.class)
    void float32TrainingStepsMatchFloat64(BnMode mode) {
        var spec = new NetworkSpec(INPUTS, CLASSES, DEPTH, WIDTH, ActivationFunction.TANH, Initialization.HE, 5);
        var single = new Network(spec, mode, DataType.FLOAT);
        var reference = single.copy(DataType.DOUBLE);
        var random = new Random(11);
        var settings = new LiveSettings(0.05, 0.9, false, 1e-3, mode);
        var singleOptimizer = new SgdOptimizer();
        var referenceOptimizer = new SgdOptimizer();
        for (int step = 0; step < STEPS; step++) {
            var x = new double[BATCH * INPUTS];
            for (int i = 0; i < x.length; i++) {
                x[i] = 2.0 + random.nextGaussian();
            }
            int[] labels = random.ints(BATCH, 0, CLASSES).toArray();
            double singleLoss = step(single, singleOptimizer, settings, Nd4j.create(x, new long[]{BATCH, INPUTS}, DataType.FLOAT), labels);
            double referenceLoss = step(reference, referenceOptimizer, settings,
                    Nd4j.create(x, new long[]{BATCH, INPUTS}, DataType.DOUBLE), labels);
            assertEquals(referenceLoss, singleLoss, FLOAT32_TOLERANCE * Math.abs(referenceLoss), "loss at step " + step);
        }
        assertClose(reference.parameters(), single.parameters());
        for (int i = 0; i < DEPTH; i++) {
            var expected = reference.layersOf(BatchNorm.class).get(i);
            var actual = single.layersOf(BatchNorm.class).get(i);
            assertClose(expected.runningMean(), actual.runningMean(), "running mean " + i);
            assertClose(expected.runningVariance(), actual.runningVariance(), "running variance " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(BnMode.class)
    void convnetFloat32StepsMatchFloat64(BnMode mode) {
        var layers = Architectures.build(Architecture.CONVNET, Normalization.BATCH, 1, IMAGE_INPUTS, CLASSES,
                CONV_STAGES, CONV_WIDTH, ActivationFunction.RELU);
        var single = new Network(new NetworkSpec(layers, Initialization.HE, 7), mode, DataType.FLOAT);
        var reference = single.copy(DataType.DOUBLE);
        var random = new Random(13);
        var settings = new LiveSettings(0.05, 0.9, false, 0, mode);
        var singleOptimizer = new SgdOptimizer();
        var referenceOptimizer = new SgdOptimizer();
        for (int step = 0; step < STEPS; step++) {
            var x = new double[BATCH * IMAGE_INPUTS];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextDouble();
            }
            int[] labels = random.ints(BATCH, 0, CLASSES).toArray();
            INDArray singleInput = Nd4j.create(x, new long[]{BATCH, IMAGE_INPUTS}, DataType.FLOAT);
            INDArray referenceInput = Nd4j.create(x, new long[]{BATCH, IMAGE_INPUTS}, DataType.DOUBLE);
            assertClose(reference.forward(referenceInput, Pass.BATCH_STATISTICS),
                    single.forward(singleInput, Pass.BATCH_STATISTICS), "logits at step " + step);
            double singleLoss = step(single, singleOptimizer, settings, singleInput, labels);
            double referenceLoss = step(reference, referenceOptimizer, settings, referenceInput, labels);
            assertEquals(referenceLoss, singleLoss, FLOAT32_TOLERANCE * Math.abs(referenceLoss), "loss at step " + step);
            for (int i = 0; i < reference.parameters().size(); i++) {
                assertClose(reference.parameters().get(i).gradient(), single.parameters().get(i).gradient(),
                        "gradient of " + single.parameters().get(i).name() + " at step " + step);
            }
        }
        assertClose(reference.parameters(), single.parameters());
    }

    @ParameterizedTest
    @EnumSource(BnMode.class)
    void aWorkspaceChangesNothing(BnMode mode) {
        var spec = new NetworkSpec(INPUTS, CLASSES, DEPTH, WIDTH, ActivationFunction.RELU, Initialization.HE, 6);
        var inside = new Network(spec, mode, DataType.FLOAT);
        var outside = inside.copy(DataType.FLOAT);
        var settings = new LiveSettings(0.1, 0.9, true, 0, mode);
        var insideOptimizer = new SgdOptimizer();
        var outsideOptimizer = new SgdOptimizer();
        var random = new Random(12);
        for (int s = 0; s < STEPS; s++) {
            INDArray x = Nd4j.rand(DataType.FLOAT, BATCH, INPUTS);                  // (batch, inputs)
            int[] labels = random.ints(BATCH, 0, CLASSES).toArray();
            try (var workspace = Workspaces.open("float32-path-test")) {
                Nd4j.rand(DataType.FLOAT, 3, 7);     // an earlier array: the step's arrays lie further into the arena
                step(inside, insideOptimizer, settings, x, labels);
            }
            step(outside, outsideOptimizer, settings, x, labels);
        }
        for (int i = 0; i < inside.parameters().size(); i++) {
            assertArrayEquals(outside.parameters().get(i).value().dup('c').data().asFloat(),
                    inside.parameters().get(i).value().dup('c').data().asFloat(), inside.parameters().get(i).name());
        }
    }

    private static double step(Network network, SgdOptimizer optimizer, LiveSettings settings, INDArray x, int[] labels) {
        network.zeroGradients();
        double loss = network.lossAndGradient(x, labels, Pass.TRAINING_STEP).meanLoss();
        optimizer.apply(network.parameters(), settings);
        return loss;
    }

    private static void assertClose(List<Parameter> expected, List<Parameter> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertClose(expected.get(i).value(), actual.get(i).value(), actual.get(i).name());
        }
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        double[] e = expected.dup('c').data().asDouble();
        double[] a = actual.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double scale = NEGLIGIBLE_SCALE;
        for (double v : e) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int k = 0; k < e.length; k++) {
            assertTrue(Math.abs(e[k] - a[k]) <= FLOAT32_TOLERANCE * scale,
                    what + "[" + k + "]: float64 " + e[k] + ", float32 " + a[k]);
        }
    }
}
