// Group Normalization normalises each example's groups of channels over their channels and pixels (PyTorch's
// GroupNorm): each group of the output has mean 0 and biased variance 1 − ε/(σ² + ε) with γ = 1 and β = 0.
package org.shiftscope.model.net;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GroupNormTest {
    static final double TOLERANCE = 1e-4;
    static final int CHANNELS = 6;
    static final int GROUPS = 3;
    static final int SIDE = 3;
    static final int BATCH = 2;

    @Test
    void eachGroupOfEachExampleIsNormalised() {
        var spec = new GroupNormSpec(0, CHANNELS, SIDE, GROUPS, NetworkSpec.DEFAULT_BN_EPSILON);
        var norm = spec.build(new LayerContext(DataType.DOUBLE, null, false, new Random(1), Initialization.HE));
        var random = new Random(3);
        var x = new double[BATCH * spec.inputs()];
        for (int k = 0; k < x.length; k++) {
            x[k] = 2 * (k / 7 % 5) + random.nextGaussian();
        }
        double[] y = norm.forward(Nd4j.create(x, new long[]{BATCH, spec.inputs()}, DataType.DOUBLE), Pass.BATCH_STATISTICS)
                .dup('c').data().asDouble();
        int groupValues = spec.inputs() / GROUPS;
        for (int n = 0; n < BATCH; n++) {
            for (int g = 0; g < GROUPS; g++) {
                double sum = 0;
                double squares = 0;
                for (int j = 0; j < groupValues; j++) {
                    double v = y[n * spec.inputs() + g * groupValues + j];
                    sum += v;
                    squares += v * v;
                }
                assertEquals(0, sum / groupValues, TOLERANCE, "example " + n + ", group " + g + " mean");
                assertEquals(1, squares / groupValues - Math.pow(sum / groupValues, 2), TOLERANCE,
                        "example " + n + ", group " + g + " variance");
            }
        }
    }

    @Test
    void groupsMustDivideTheChannels() {
        assertThrows(IllegalArgumentException.class, () -> new GroupNormSpec(0, 6, 2, 4, 1e-5));
    }
}
