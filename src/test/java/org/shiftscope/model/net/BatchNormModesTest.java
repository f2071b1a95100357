// Frozen BN is the same map as BN with batch statistics when the running statistics equal the batch's.
package org.shiftscope.model.net;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BatchNormModesTest {
    static final double TOLERANCE = 1e-12;
    static final int BATCH = 16;
    static final int UNITS = 6;

    @Test
    void frozenEqualsOnWhenRunningStatisticsAreTheBatchStatistics() {
        var random = new Random(9);
        var values = new double[BATCH * UNITS];
        for (int i = 0; i < values.length; i++) {
            values[i] = 2.0 + 3.0 * random.nextGaussian();
        }
        INDArray x = Nd4j.create(values, new long[]{BATCH, UNITS}, DataType.DOUBLE); // (batch, units)
        var norm = new BatchNorm(new BatchNormSpec(0, UNITS, NetworkSpec.DEFAULT_BN_EPSILON, 0.1), DataType.DOUBLE);
        norm.allParameters().forEach(p -> p.value().addi(0.3));
        norm.setBnMode(BnMode.ON);
        INDArray batchNormalized = norm.forward(x, Pass.BATCH_STATISTICS).dup();
        norm.runningMean().assign(x.mean(true, 0));
        norm.runningVariance().assign(x.var(false, 0).reshape(1, UNITS));   // biased, as used for normalising
        norm.setBnMode(BnMode.FROZEN);
        INDArray frozen = norm.forward(x, Pass.TRAINING_STEP);
        assertArrayEquals(batchNormalized.data().asDouble(), frozen.data().asDouble(), TOLERANCE);
    }

    @Test
    void trainingStepsMoveRunningAveragesLikePyTorch() {
        var x = Nd4j.create(new double[]{1, 10, 3, 20, 5, 60}, new long[]{3, 2}, DataType.DOUBLE); // (3, 2)
        var norm = new BatchNorm(new BatchNormSpec(0, 2, NetworkSpec.DEFAULT_BN_EPSILON, 0.1), DataType.DOUBLE);
        norm.setBnMode(BnMode.ON);
        norm.forward(x, Pass.TRAINING_STEP);
        // running = 0.9·initial + 0.1·batch; the running variance uses the unbiased batch variance.
        assertEquals(0.9 * 0 + 0.1 * 3.0, norm.runningMean().getDouble(0), TOLERANCE);
        assertEquals(0.9 * 1 + 0.1 * 4.0, norm.runningVariance().getDouble(0), TOLERANCE);
        assertEquals(0.9 * 1 + 0.1 * 700.0, norm.runningVariance().getDouble(1), TOLERANCE);
        norm.forward(x, Pass.BATCH_STATISTICS);
        assertEquals(0.3, norm.runningMean().getDouble(0), TOLERANCE, "a Hessian pass leaves running averages alone");
    }
}
