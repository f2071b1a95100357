// The convolution computes what PyTorch's Conv2d(in, out, 3, padding=1) computes, checked by a direct
// sum over the exported weights in PyTorch's (out, in, 3, 3) layout: y[o,r,c] = b[o] + Σ W[o,i,kr,kc]·x[i,r+kr−1,c+kc−1].
package org.shiftscope.model.net;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConvTest {
    static final double TOLERANCE = 1e-12;
    static final int IN = 2;
    static final int OUT = 3;
    static final int SIDE = 5;
    static final int BATCH = 2;

    @Test
    void forwardIsPyTorchsCrossCorrelationWithSamePadding() {
        var conv = (Conv) new ConvSpec(0, IN, OUT, SIDE).build(
                new LayerContext(DataType.DOUBLE, null, false, new Random(3), Initialization.HE));
        conv.parameters().get(1).value().assign(Nd4j.create(new double[]{0.5, -1, 2}, new long[]{1, OUT}, DataType.DOUBLE));
        var random = new Random(8);
        var x = new double[BATCH * IN * SIDE * SIDE];
        for (int k = 0; k < x.length; k++) {
            x[k] = random.nextGaussian();
        }
        INDArray y = conv.forward(Nd4j.create(x, new long[]{BATCH, (long) IN * SIDE * SIDE}, DataType.DOUBLE), Pass.BATCH_STATISTICS);

        var entry = conv.exportEntry(BnMode.ON).orElseThrow();
        var w = (ExportEntry.ArrayFile) entry.fields().get("W");
        assertArrayEquals(new long[]{OUT, IN, 3, 3}, w.shape());
        double[] weights = w.values().dup('c').data().asDouble();      // (out, in, 3, 3) row-major
        double[] b = ((ExportEntry.ArrayFile) entry.fields().get("b")).values().dup('c').data().asDouble();
        double[] got = y.dup('c').data().asDouble();
        for (int n = 0; n < BATCH; n++) {
            for (int o = 0; o < OUT; o++) {
                for (int r = 0; r < SIDE; r++) {
                    for (int c = 0; c < SIDE; c++) {
                        double sum = b[o];
                        for (int i = 0; i < IN; i++) {
                            for (int kr = 0; kr < 3; kr++) {
                                for (int kc = 0; kc < 3; kc++) {
                                    int sr = r + kr - 1;
                                    int sc = c + kc - 1;
                                    if (sr >= 0 && sr < SIDE && sc >= 0 && sc < SIDE) {
                                        sum += weights[((o * IN + i) * 3 + kr) * 3 + kc]
                                                * x[((n * IN + i) * SIDE + sr) * SIDE + sc];
                                    }
                                }
                            }
                        }
                        assertEquals(sum, got[((n * OUT + o) * SIDE + r) * SIDE + c], TOLERANCE,
                                "example " + n + ", channel " + o + ", pixel " + r + "," + c);
                    }
                }
            }
        }
    }

    @Test
    void aSpecWithoutChannelsOrSideIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ConvSpec(0, 0, 2, 4));
        assertThrows(IllegalArgumentException.class, () -> new ConvSpec(0, 1, 2, 0));
    }
}
