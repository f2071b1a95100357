// SgdOptimizer against the PyTorch SGD update rules written out in plain double arithmetic.
package org.shiftscope.model.train;

import org.shiftscope.model.config.LiveSettings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Parameter;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SgdOptimizerTest {
    static final double TOLERANCE = 1e-12;
    static final int STEPS = 4;

    @ParameterizedTest
    @CsvSource({"0.0, false, 0.0", "0.9, false, 0.0", "0.9, true, 0.0", "0.5, false, 0.01", "0.7, true, 0.05"})
    void updatesMatchTheWrittenOutRule(double momentum, boolean nesterov, double weightDecay) {
        double lr = 0.1;
        double[] w = {1.0, -2.0, 0.5};
        double[] gradients = {0.3, -0.1, 0.2};
        var parameter = new Parameter("p", Nd4j.create(w.clone(), new long[]{1, 3}, DataType.DOUBLE));
        var optimizer = new SgdOptimizer();
        var settings = new LiveSettings(lr, momentum, nesterov, weightDecay, BnMode.OFF);

        double[] expected = w.clone();
        double[] velocity = new double[3];
        for (int step = 0; step < STEPS; step++) {
            double scale = step + 1.0;   // a different gradient each step
            for (int i = 0; i < 3; i++) {
                double g = gradients[i] * scale + weightDecay * expected[i];
                velocity[i] = step == 0 && momentum > 0 ? g : momentum * velocity[i] + g;
                double update = momentum == 0 ? g : nesterov ? g + momentum * velocity[i] : velocity[i];
                expected[i] -= lr * update;
            }
            parameter.gradient().assign(Nd4j.create(new double[]{gradients[0] * scale, gradients[1] * scale,
                    gradients[2] * scale}, new long[]{1, 3}, DataType.DOUBLE));
            optimizer.apply(List.of(parameter), settings);
        }
        assertArrayEquals(expected, parameter.value().toDoubleVector(), TOLERANCE);
    }

    @Test
    void aParameterThatIsAViewIsRefusedBeforeAnythingMoves() {
        var whole = new Parameter("whole", Nd4j.create(new double[]{1, 2}, new long[]{1, 2}, DataType.DOUBLE));
        var matrix = Nd4j.create(new double[]{1, 2, 3, 4}, new long[]{2, 2}, DataType.DOUBLE);
        var view = new Parameter("view", matrix.getRow(1));
        whole.gradient().assign(1.0);
        var settings = new LiveSettings(0.1, 0.9, false, 0, BnMode.OFF);
        var error = assertThrows(IllegalArgumentException.class,
                () -> new SgdOptimizer().apply(List.of(whole, view), settings));
        assertTrue(error.getMessage().contains("parameter view"), error.getMessage());
        assertArrayEquals(new double[]{1, 2}, whole.value().toDoubleVector(), 0.0, "the first parameter did not move");
    }
}
