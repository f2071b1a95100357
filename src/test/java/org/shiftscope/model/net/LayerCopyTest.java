// Each layer's copy: equal parameters and state (cast to the asked type), and independent of the original.
package org.shiftscope.model.net;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

class LayerCopyTest {
    private static final int IN = 4;
    private static final int UNITS = 3;

    private static LayerContext context(DataType type) {
        return new LayerContext(type, new ScratchBuffers(), false, new Random(2), Initialization.HE);
    }

    private static double[] values(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    /** The copy's arrays hold the original's values in their type; changing the original afterwards leaves them alone. */
    private static void assertEqualAndIndependent(List<INDArray> original, List<INDArray> copy) {
        assertEquals(original.size(), copy.size());
        for (int i = 0; i < original.size(); i++) {
            assertNotSame(original.get(i), copy.get(i));
            assertArrayEquals(values(original.get(i).castTo(copy.get(i).dataType())), values(copy.get(i)), "array " + i);
            double[] before = values(copy.get(i));
            original.get(i).addi(1.0);
            assertArrayEquals(before, values(copy.get(i)), "array " + i + " after the original changed");
        }
    }

    private static List<INDArray> valuesOf(List<Parameter> parameters) {
        return parameters.stream().map(Parameter::value).toList();
    }

    @Test
    void aDenseCopyHasEqualIndependentWeightsInTheAskedType() {
        var dense = (Dense) new DenseSpec(0, IN, UNITS).build(context(DataType.DOUBLE));
        dense.bias().value().assign(Nd4j.create(new double[]{0.5, -1, 2}, new long[]{1, UNITS}, DataType.DOUBLE));

        var copy = (Dense) dense.copy(context(DataType.FLOAT));

        assertEquals(DataType.FLOAT, copy.weights().value().dataType());
        assertEquals(List.of("dense0.W", "dense0.b"), copy.parameters().stream().map(Parameter::name).toList());
        assertEqualAndIndependent(valuesOf(dense.parameters()), valuesOf(copy.parameters()));
    }

    @Test
    void aLayerNormCopyHasEqualIndependentParametersInTheAskedType() {
        var norm = (GroupNorm) new LayerNormSpec(2, UNITS, 1e-4).build(context(DataType.DOUBLE));
        norm.parameters().forEach(p -> p.value().addi(0.25));

        var copy = (GroupNorm) norm.copy(context(DataType.FLOAT));

        assertEquals(norm.spec(), copy.spec());
        assertEquals(List.of("ln2.gamma", "ln2.beta"), copy.parameters().stream().map(Parameter::name).toList());
        assertEqualAndIndependent(valuesOf(norm.parameters()), valuesOf(copy.parameters()));
    }

    @Test
    void aBatchNormCopyHasEqualIndependentParametersRunningAveragesAndMode() {
        var norm = new BatchNorm(new BatchNormSpec(1, UNITS, 1e-3, 0.2), DataType.DOUBLE);
        norm.setBnMode(BnMode.FROZEN);
        norm.allParameters().forEach(p -> p.value().addi(0.25));
        norm.runningMean().assign(Nd4j.create(new double[]{0.1, 0.2, 0.3}, new long[]{1, UNITS}, DataType.DOUBLE));
        norm.runningVariance().assign(Nd4j.create(new double[]{1.5, 2.5, 3.5}, new long[]{1, UNITS}, DataType.DOUBLE));

        var copy = (BatchNorm) norm.copy(context(DataType.DOUBLE));

        assertEquals(BnMode.FROZEN, copy.mode());
        assertEquals(norm.spec(), copy.spec());
        assertEqualAndIndependent(List.of(norm.allParameters().get(0).value(), norm.allParameters().get(1).value(),
                        norm.runningMean(), norm.runningVariance()),
                List.of(copy.allParameters().get(0).value(), copy.allParameters().get(1).value(),
                        copy.runningMean(), copy.runningVariance()));
    }

    @Test
    void anActivationCopyComputesTheSameFunction() {
        var activation = new Activation(new ActivationSpec(ActivationFunction.TANH, UNITS));
        INDArray x = Nd4j.create(new double[]{-1, 0, 2, 0.5, -0.5, 3}, new long[]{2, UNITS}, DataType.DOUBLE);

        var copy = activation.copy(context(DataType.DOUBLE));

        assertNotSame(activation, copy);
        assertArrayEquals(values(activation.forward(x, Pass.BATCH_STATISTICS)), values(copy.forward(x, Pass.BATCH_STATISTICS)));
    }

    @Test
    void aNetworkCopyGivesTheSameLogitsAndKeepsItsOwnWeights() {
        var network = new Network(new NetworkSpec(IN, 3, 2, 5, ActivationFunction.RELU, Initialization.HE, 9),
                BnMode.ON, DataType.DOUBLE);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 6, IN);

        var copy = network.copy(DataType.DOUBLE);

        assertEquals(BnMode.ON, copy.bnMode());
        assertEquals(network.spec(), copy.spec());
        assertArrayEquals(values(network.forward(x, Pass.BATCH_STATISTICS)), values(copy.forward(x, Pass.BATCH_STATISTICS)));
        assertEqualAndIndependent(valuesOf(network.parameters()), valuesOf(copy.parameters()));
    }
}
