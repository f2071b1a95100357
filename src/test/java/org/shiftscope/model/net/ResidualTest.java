// A residual block, with an identity shortcut and with a projection, against central finite differences in
// float64 in each BN mode: its gradients (LayerGradientTest's check), and its exact Hessian-vector products
// (R-forward then R-backward) on the loss ½Σ(y⊙R)² against differences of the analytic gradient.
package org.shiftscope.model.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResidualTest {
    /** Exact products against central gradient differences (truncation ~STEP², rounding ~1e-16/STEP). */
    static final double PRODUCT_TOLERANCE = 1e-6;
    static final double STEP = 1e-5;
    static final int BLOCK = 2;
    static final int BATCH = LayerGradientTest.BATCH;
    static final int SIDE = 3;

    /** conv(2→c) → channel BN → smooth activation, plus x (c = 2) or a projection conv(2→c), 3×3 images. */
    static ResidualSpec spec(int channelsOut, boolean projection) {
        int units = channelsOut * SIDE * SIDE;
        var body = List.<LayerSpec>of(new ConvSpec(0, 2, channelsOut, SIDE),
                new ChannelBatchNormSpec(0, channelsOut, SIDE, NetworkSpec.DEFAULT_BN_EPSILON, 0.1),
                new ActivationSpec(projection ? ActivationFunction.TANH : ActivationFunction.SOFTPLUS, units));
        return new ResidualSpec(0, body, projection ? new ConvSpec(1, 2, channelsOut, SIDE) : null);
    }

    /** The block in {@code mode}, its running statistics moved by one training step away from (0, 1). */
    static Layer block(ResidualSpec spec, BnMode mode) {
        var layer = spec.build(new LayerContext(DataType.DOUBLE, new ScratchBuffers(), false, new Random(1), Initialization.HE));
        layer.setBnMode(BnMode.ON);
        layer.forward(LayerGradientTest.randomMatrix(new Random(3), BATCH, spec.inputs()).addi(0.5), Pass.TRAINING_STEP);
        layer.setBnMode(mode);
        return layer;
    }

    @ParameterizedTest
    @EnumSource(BnMode.class)
    void identityBlockGradientsMatchFiniteDifferences(BnMode mode) {
        var spec = spec(2, false);
        LayerGradientTest.check(block(spec, mode), spec.inputs(), spec.outputs(), Pass.BATCH_STATISTICS);
    }

    @ParameterizedTest
    @EnumSource(BnMode.class)
    void projectionBlockGradientsMatchFiniteDifferences(BnMode mode) {
        var spec = spec(3, true);
        LayerGradientTest.check(block(spec, mode), spec.inputs(), spec.outputs(), Pass.BATCH_STATISTICS);
    }

    @ParameterizedTest
    @EnumSource(BnMode.class)
    void identityBlockProductsMatchGradientDifferences(BnMode mode) {
        assertProductsMatchGradientDifferences(spec(2, false), mode);
    }

    @ParameterizedTest
    @EnumSource(BnMode.class)
    void projectionBlockProductsMatchGradientDifferences(BnMode mode) {
        assertProductsMatchGradientDifferences(spec(3, true), mode);
    }

    @Test
    void bodiesThatDoNotChainOrFitTheShortcutAreRefused() {
        var conv = new ConvSpec(0, 2, 3, SIDE);
        assertThrows(IllegalArgumentException.class, () -> new ResidualSpec(0, List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new ResidualSpec(0, List.of(conv, new ConvSpec(1, 2, 2, SIDE)), null));
        assertThrows(IllegalArgumentException.class, () -> new ResidualSpec(0, List.of(conv), null));
        assertThrows(IllegalArgumentException.class, () -> new ResidualSpec(0, List.of(conv), new ConvSpec(1, 2, 2, SIDE)));
    }

    /**
     * For L = ½Σ(y⊙R)² (δ = y⊙R², δ̇ = ẏ⊙R²) and BLOCK random directions of the parameters and the input, the R-passes'
     * R{dL/dθ} and R{dL/dx} against (∇L(θ + εv, x + εẋ) − ∇L(θ − εv, x − εẋ)) / 2ε, relative to max(1, its norm);
     * a second product on the same δ (the block's kept body deltas) gives the same result.
     */
    private static void assertProductsMatchGradientDifferences(ResidualSpec spec, BnMode mode) {
        var layer = block(spec, mode);
        var random = new Random(7);
        layer.parameters().forEach(p -> p.value().addi(LayerGradientTest.randomMatrix(random, 1, (int) p.size())
                .reshape(p.value().shape()).muli(0.3)));
        INDArray x = LayerGradientTest.randomMatrix(random, BATCH, spec.inputs());                 // (batch, in)
        INDArray r = LayerGradientTest.randomMatrix(random, BATCH, spec.outputs());
        INDArray squares = r.mul(r);                                                                // R² (batch, out)
        INDArray inputTangents = LayerGradientTest.randomMatrix(random, BLOCK * BATCH, spec.inputs()); // (b·batch, in)
        layer.parameters().forEach(p -> p.directions(BLOCK).assign(LayerGradientTest.randomMatrix(random,
                BLOCK * (int) p.value().size(0), (int) p.value().size(1))));

        INDArray y = layer.forward(x, Pass.BATCH_STATISTICS);                                      // (batch, out)
        INDArray delta = y.mul(squares);
        List<double[]> exact = product(layer, delta, squares, inputTangents);
        assertArrayEquals(flat(exact), flat(product(layer, delta, squares, inputTangents)), 0, "the same δ again");

        for (int i = 0; i < BLOCK; i++) {
            List<double[]> plus = gradients(layer, x, squares, inputTangents, i, STEP);
            List<double[]> minus = gradients(layer, x, squares, inputTangents, i, -STEP);
            for (int a = 0; a < plus.size(); a++) {
                double[] numeric = plus.get(a);
                int size = numeric.length;
                double[] analytic = new double[size];
                System.arraycopy(exact.get(a), i * size, analytic, 0, size);
                double error = 0;
                double norm = 0;
                for (int k = 0; k < size; k++) {
                    numeric[k] = (numeric[k] - minus.get(a)[k]) / (2 * STEP);
                    error += (analytic[k] - numeric[k]) * (analytic[k] - numeric[k]);
                    norm += numeric[k] * numeric[k];
                }
                double relative = Math.sqrt(error) / Math.max(1.0, Math.sqrt(norm));   // absolute near zero (a bias before BN)
                assertTrue(relative < PRODUCT_TOLERANCE, mode + ", direction " + i + ", array " + a + ": relative difference "
                        + relative);
            }
        }
    }

    /** Each parameter's H·v slices (b·rows, cols), then R{dL/dx} (b·batch, in), flattened. */
    private static List<double[]> product(Layer layer, INDArray delta, INDArray squares, INDArray inputTangents) {
        layer.parameters().forEach(p -> p.hvpSlices(BLOCK).assign(0));
        INDArray outputTangents = layer.forwardTangent(inputTangents, BLOCK);                   // (b·batch, out)
        INDArray stackedSquares = Nd4j.concat(0, Collections.nCopies(BLOCK, squares).toArray(new INDArray[0]));
        INDArray dx = layer.backwardTangent(delta, outputTangents.mul(stackedSquares), BLOCK);  // (b·batch, in)
        var arrays = new ArrayList<double[]>();
        layer.parameters().forEach(p -> arrays.add(p.hvpSlices(BLOCK).dup('c').data().asDouble()));
        arrays.add(dx.dup('c').data().asDouble());
        return arrays;
    }

    /** ∇L at θ + step·v_i, x + step·ẋ_i: each parameter's gradient, then dL/dx; the parameters are restored. */
    private static List<double[]> gradients(Layer layer, INDArray x, INDArray squares, INDArray inputTangents,
                                            int direction, double step) {
        for (Parameter p : layer.parameters()) {
            p.value().addi(slice(p.directions(BLOCK), direction).mul(step));
            p.gradient().assign(0);
        }
        INDArray y = layer.forward(x.add(slice(inputTangents, direction).mul(step)), Pass.BATCH_STATISTICS);
        INDArray dx = layer.backward(y.mul(squares));
        var arrays = new ArrayList<double[]>();
        for (Parameter p : layer.parameters()) {
            arrays.add(p.gradient().dup('c').data().asDouble());
            p.value().subi(slice(p.directions(BLOCK), direction).mul(step));
        }
        arrays.add(dx.dup('c').data().asDouble());
        return arrays;
    }

    /** Rows of direction i of a block stacked by rows. */
    private static INDArray slice(INDArray stacked, int i) {
        long rows = stacked.size(0) / BLOCK;
        return stacked.get(NDArrayIndex.interval(i * rows, (i + 1) * rows), NDArrayIndex.all());
    }

    private static double[] flat(List<double[]> arrays) {
        return arrays.stream().flatMapToDouble(Arrays::stream).toArray();
    }
}
