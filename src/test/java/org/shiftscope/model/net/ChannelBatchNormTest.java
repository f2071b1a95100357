// Channel BatchNorm normalises each channel over batch × height × width (PyTorch's BatchNorm2d): with BN on,
// every channel of the output has mean β = 0 and biased variance 1 − ε/(σ² + ε) over all its pixels.
package org.shiftscope.model.net;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelBatchNormTest {
    static final double TOLERANCE = 1e-4;
    static final int CHANNELS = 3;
    static final int SIDE = 4;
    static final int BATCH = 5;

    /** Two groups of two examples give what two separate passes of two examples give. */
    @Test
    void statisticsGroupsCountExamplesNotPixels() {
        var spec = new ChannelBatchNormSpec(0, CHANNELS, SIDE, NetworkSpec.DEFAULT_BN_EPSILON, 0.1);
        var norm = spec.build(new LayerContext(DataType.DOUBLE, new ScratchBuffers(), false, new Random(1), Initialization.HE));
        norm.setBnMode(BnMode.ON);
        var random = new Random(9);
        var x = new double[4 * spec.inputs()];
        for (int k = 0; k < x.length; k++) {
            x[k] = random.nextGaussian() + k % 3;
        }
        var whole = Nd4j.create(x, new long[]{4, spec.inputs()}, DataType.DOUBLE);
        norm.setStatisticsGroupRows(2);
        double[] grouped = norm.forward(whole, Pass.BATCH_STATISTICS).dup('c').data().asDouble();
        norm.setStatisticsGroupRows(0);
        double[] first = norm.forward(whole.getRows(0, 1).dup('c'), Pass.BATCH_STATISTICS).dup('c').data().asDouble();
        double[] second = norm.forward(whole.getRows(2, 3).dup('c'), Pass.BATCH_STATISTICS).dup('c').data().asDouble();
        double[] separate = new double[grouped.length];
        System.arraycopy(first, 0, separate, 0, first.length);
        System.arraycopy(second, 0, separate, first.length, second.length);
        assertArrayEquals(separate, grouped, 1e-12);
    }

    @Test
    void itsParametersAreNamedApartFromADenseLayersBatchNorm() {
        var layers = List.<LayerSpec>of(new ConvSpec(0, 1, 2, 2),
                new ChannelBatchNormSpec(0, 2, 2, NetworkSpec.DEFAULT_BN_EPSILON, 0.1), new DenseSpec(0, 8, 4),
                new BatchNormSpec(0, 4, NetworkSpec.DEFAULT_BN_EPSILON, 0.1), new DenseSpec(1, 4, 2));
        var names = new Network(new NetworkSpec(layers, Initialization.HE, 1), BnMode.ON, DataType.DOUBLE).parameters()
                .stream().map(Parameter::name).toList();
        assertEquals(names.size(), new java.util.HashSet<>(names).size(), names.toString());
        assertTrue(names.contains("bn2d0.gamma") && names.contains("bn0.gamma"), names.toString());
    }

    @Test
    void eachChannelIsNormalisedOverBatchAndPixels() {
        var spec = new ChannelBatchNormSpec(0, CHANNELS, SIDE, NetworkSpec.DEFAULT_BN_EPSILON, 0.1);
        var norm = spec.build(new LayerContext(DataType.DOUBLE, new ScratchBuffers(), false, new Random(1), Initialization.HE));
        norm.setBnMode(BnMode.ON);
        var random = new Random(5);
        int area = SIDE * SIDE;
        var x = new double[BATCH * CHANNELS * area];
        for (int k = 0; k < x.length; k++) {
            int channel = (k / area) % CHANNELS;
            x[k] = 3 * channel + (channel + 1) * random.nextGaussian();     // each channel its own mean and spread
        }
        double[] y = norm.forward(Nd4j.create(x, new long[]{BATCH, (long) CHANNELS * area}, DataType.DOUBLE),
                Pass.BATCH_STATISTICS).dup('c').data().asDouble();
        for (int c = 0; c < CHANNELS; c++) {
            double sum = 0;
            double squares = 0;
            for (int n = 0; n < BATCH; n++) {
                for (int p = 0; p < area; p++) {
                    double v = y[(n * CHANNELS + c) * area + p];
                    sum += v;
                    squares += v * v;
                }
            }
            int count = BATCH * area;
            assertEquals(0, sum / count, TOLERANCE, "channel " + c + " mean");
            assertEquals(1, squares / count - (sum / count) * (sum / count), TOLERANCE, "channel " + c + " variance");
        }
    }
}
