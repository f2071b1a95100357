// Softmax cross-entropy against values worked out by hand (log-sum-exp written out), including logits
// large enough to overflow exp() without the shift, a tie for the predicted class, and float32 logits.
package org.shiftscope.model.net;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SoftmaxCrossEntropyTest {
    static final double TOLERANCE = 1e-6;

    @ParameterizedTest
    @ValueSource(strings = {"FLOAT", "DOUBLE"})
    void lossGradientAndAccuracyMatchTheFormula(String type) {
        var logits = Nd4j.create(new double[]{
                1, 2, 3,          // label 2: −log p₂ = log(e¹ + e² + e³) − 3, predicted 2 (right)
                1000, 1001, 999,  // label 0: overflows without the shift, predicted 1 (wrong)
                5, 5, 0}, new long[]{3, 3}, DataType.valueOf(type));   // label 1: tie, argmax takes class 0 (wrong)
        int[] labels = {2, 0, 1};
        var result = SoftmaxCrossEntropy.evaluate(logits, labels);

        double row0 = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)) - 3;
        double row1 = Math.log(Math.exp(0) + Math.exp(1) + Math.exp(-1)) - 0;   // shifted by 1000
        double row2 = Math.log(2 + Math.exp(-5)) - 0;                             // shifted by 5
        assertEquals((row0 + row1 + row2) / 3, result.meanLoss(), TOLERANCE);
        assertEquals(1, result.correct());

        double[] gradient = result.logitGradient().castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double s0 = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertArrayEquals(new double[]{Math.exp(1) / s0 / 3, Math.exp(2) / s0 / 3, (Math.exp(3) / s0 - 1) / 3},
                Arrays.copyOfRange(gradient, 0, 3), TOLERANCE);
        for (int i = 0; i < 3; i++) {
            assertEquals(0.0, gradient[3 * i] + gradient[3 * i + 1] + gradient[3 * i + 2], TOLERANCE, "row " + i + " sums to 0");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"FLOAT", "DOUBLE"})
    void gradientTangentIsTheSoftmaxJacobianTimesTheTangent(String type) {
        var logits = Nd4j.create(new double[]{0.5, -1, 2}, new long[]{1, 3}, DataType.valueOf(type));
        var tangent = Nd4j.create(new double[]{1, 2, -1}, new long[]{1, 3}, DataType.valueOf(type));
        double sum = Math.exp(0.5) + Math.exp(-1) + Math.exp(2);
        double[] p = {Math.exp(0.5) / sum, Math.exp(-1) / sum, Math.exp(2) / sum};
        double expected = p[0] * 1 + p[1] * 2 + p[2] * -1;                 // Σ_c p_c ż_c
        double[] oracle = {p[0] * (1 - expected), p[1] * (2 - expected), p[2] * (-1 - expected)}; // (diag(p) − ppᵀ)·ż
        assertArrayEquals(oracle, SoftmaxCrossEntropy.gradientTangent(logits, tangent).castTo(DataType.DOUBLE)
                .dup('c').data().asDouble(), TOLERANCE);
    }
}
