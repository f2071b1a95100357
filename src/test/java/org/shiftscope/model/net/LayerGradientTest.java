// Finite-difference checks of each layer's backward pass in float64, layer by layer: the loss is a fixed
// random projection Σ y⊙R of the layer's output, so dL/dy = R.
package org.shiftscope.model.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

class LayerGradientTest {
    static final double TOLERANCE = 1e-7;
    static final int BATCH = 7;
    static final int IN = 5;
    static final int OUT = 4;

    static INDArray randomMatrix(Random random, int rows, int cols) {
        var v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextGaussian();
        }
        return Nd4j.create(v, new long[]{rows, cols}, DataType.DOUBLE);
    }

    private static double projectedLoss(Layer layer, INDArray x, INDArray projection, Pass pass) {
        return layer.forward(x, pass).mul(projection).sumNumber().doubleValue();
    }

    /** Checks dL/dx and dL/dθ of one layer against central differences. */
    static void check(Layer layer, int in, int out, Pass pass) {
        var random = new Random(42);
        INDArray x = randomMatrix(random, BATCH, in);        // (batch, in)
        INDArray projection = randomMatrix(random, BATCH, out); // (batch, out)
        layer.parameters().forEach(p -> p.value().addi(randomMatrix(random, 1, (int) p.size())
                .reshape(p.value().shape()).muli(0.3)));
        layer.parameters().forEach(p -> p.gradient().assign(0));
        layer.forward(x, pass);
        double[] dx = layer.backward(projection).dup().data().asDouble();
        double[] numericDx = FiniteDifferences.gradient(x, () -> projectedLoss(layer, x, projection, pass));
        assertTrue(FiniteDifferences.maxRelativeError(dx, numericDx) < TOLERANCE, "dL/dx");
        for (Parameter p : layer.parameters()) {
            double[] numeric = FiniteDifferences.gradient(p.value(), () -> projectedLoss(layer, x, projection, pass));
            double error = FiniteDifferences.maxRelativeError(p.gradient().dup().data().asDouble(), numeric);
            assertTrue(error < TOLERANCE, p.name() + " error " + error);
        }
    }

    @Test
    void denseMatchesFiniteDifferences() {
        check(new DenseSpec(0, IN, OUT).build(new LayerContext(DataType.DOUBLE, null, false, new Random(1), Initialization.HE)),
                IN, OUT, Pass.BATCH_STATISTICS);
    }

    @Test
    void batchNormWithBatchStatisticsMatchesFiniteDifferences() {
        var norm = new BatchNorm(new BatchNormSpec(0, IN, NetworkSpec.DEFAULT_BN_EPSILON, 0.1), DataType.DOUBLE);
        norm.setBnMode(BnMode.ON);
        check(norm, IN, IN, Pass.BATCH_STATISTICS);
    }

    @Test
    void batchNormFrozenMatchesFiniteDifferences() {
        var norm = new BatchNorm(new BatchNormSpec(0, IN, NetworkSpec.DEFAULT_BN_EPSILON, 0.1), DataType.DOUBLE);
        norm.runningMean().assign(Nd4j.create(new double[]{0.3, -0.2, 1.0, 0.0, 2.0}, new long[]{1, IN}, DataType.DOUBLE));
        norm.runningVariance().assign(Nd4j.create(new double[]{0.5, 2.0, 1.0, 3.0, 0.1}, new long[]{1, IN}, DataType.DOUBLE));
        norm.setBnMode(BnMode.FROZEN);
        check(norm, IN, IN, Pass.BATCH_STATISTICS);
    }

    @Test
    void convolutionMatchesFiniteDifferences() {
        var spec = new ConvSpec(0, 2, 3, 4);
        check(spec.build(new LayerContext(DataType.DOUBLE, null, false, new Random(1), Initialization.HE)),
                spec.inputs(), spec.outputs(), Pass.BATCH_STATISTICS);
    }

    @ParameterizedTest
    @EnumSource(PoolSpec.Kind.class)
    void poolingMatchesFiniteDifferences(PoolSpec.Kind kind) {
        var spec = new PoolSpec(kind, 2, 4);
        check(spec.build(null), spec.inputs(), spec.outputs(), Pass.BATCH_STATISTICS);
    }

    @ParameterizedTest
    @EnumSource(value = BnMode.class, names = {"ON", "FROZEN"})
    void channelBatchNormMatchesFiniteDifferences(BnMode mode) {
        var spec = new ChannelBatchNormSpec(0, 2, 3, NetworkSpec.DEFAULT_BN_EPSILON, 0.1);
        var norm = (ChannelBatchNorm) spec.build(new LayerContext(DataType.DOUBLE, new ScratchBuffers(), false, new Random(1),
                Initialization.HE));
        norm.norm().runningMean().assign(Nd4j.create(new double[]{0.3, -0.2}, new long[]{1, 2}, DataType.DOUBLE));
        norm.norm().runningVariance().assign(Nd4j.create(new double[]{0.5, 2.0}, new long[]{1, 2}, DataType.DOUBLE));
        norm.setBnMode(mode);
        check(norm, spec.inputs(), spec.outputs(), Pass.BATCH_STATISTICS);
    }

    @Test
    void groupNormMatchesFiniteDifferences() {
        var spec = new GroupNormSpec(0, 4, 2, 2, NetworkSpec.DEFAULT_BN_EPSILON);
        var norm = spec.build(new LayerContext(DataType.DOUBLE, null, false, new Random(1), Initialization.HE));
        check(norm, spec.inputs(), spec.outputs(), Pass.BATCH_STATISTICS);
    }

    @Test
    void layerNormMatchesFiniteDifferences() {
        check(new LayerNormSpec(0, IN, NetworkSpec.DEFAULT_BN_EPSILON).build(
                new LayerContext(DataType.DOUBLE, null, false, new Random(1), Initialization.HE)), IN, IN, Pass.BATCH_STATISTICS);
    }

    @ParameterizedTest
    @EnumSource(ActivationFunction.class)
    void activationMatchesFiniteDifferences(ActivationFunction function) {
        check(new Activation(new ActivationSpec(function, IN)), IN, IN, Pass.BATCH_STATISTICS);
    }
}
