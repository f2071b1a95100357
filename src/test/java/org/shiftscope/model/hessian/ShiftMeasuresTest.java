// Page's shift measures against independent oracles: logit-statistic gradients (mean, variance, skew) against
// finite differences, spans and projections on hand-built vectors, the projected Hessian against a dense one.
package org.shiftscope.model.hessian;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.shiftscope.model.data.Examples;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Initialization;
import org.shiftscope.model.net.Network;
import org.shiftscope.model.net.NetworkSpec;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShiftMeasuresTest {
    static final double STEP = 1e-6;
    static final double DIFFERENCE_TOLERANCE = 1e-6;
    static final double NETWORK_DIFFERENCE_TOLERANCE = 1e-5;
    static final double EXACT = 1e-12;
    static final double EIGENVALUE_TOLERANCE = 1e-8;
    static final int CLASSES = 3;

    @ParameterizedTest
    @CsvSource({"mean, 0", "variance, 0", "skew, 0", "skew, 4", "variance, 5"})
    void aStatisticsGradientByTheLogitsMatchesCentralDifferences(String name, int groupRows) {
        var statistic = LogitStatistic.valueOf(name.toUpperCase());
        var random = new Random(7);
        int n = 11;
        var z = new double[n * CLASSES];
        for (int i = 0; i < z.length; i++) {
            z[i] = random.nextGaussian() + (i % CLASSES == 1 ? Math.exp(random.nextGaussian()) : 0);
        }
        var logits = Nd4j.create(z, new long[]{n, CLASSES}, DataType.DOUBLE);
        double[] gradient = LogitStatistics.gradient(logits, 1, statistic, groupRows, 2 * n).data().asDouble();
        for (int i = 0; i < z.length; i++) {
            double[] plus = z.clone();
            double[] minus = z.clone();
            plus[i] += STEP;
            minus[i] -= STEP;
            double oracle = (value(plus, n, statistic, groupRows) - value(minus, n, statistic, groupRows)) / (2 * STEP);
            assertEquals(oracle, gradient[i], DIFFERENCE_TOLERANCE, statistic + " at " + i);
        }
    }

    private static double value(double[] z, int n, LogitStatistic statistic, int groupRows) {
        return LogitStatistics.value(Nd4j.create(z, new long[]{n, CLASSES}, DataType.DOUBLE), 1, statistic, groupRows, 2 * n);
    }

    @ParameterizedTest
    @CsvSource({"skew, on", "skew, frozen", "variance, on", "mean, off"})
    void aStatisticsGradientByTheWeightsMatchesCentralDifferencesThroughTheNetwork(String name, String mode) {
        var statistic = LogitStatistic.valueOf(name.toUpperCase());
        var loss = tinyLoss(BnMode.parse(mode));
        double[] w = loss.initialParameters();
        double[][] gradients = loss.logitStatisticGradients(w, statistic);
        var random = new Random(3);
        for (int check = 0; check < 12; check++) {
            int i = random.nextInt(w.length);
            double[] plus = w.clone();
            double[] minus = w.clone();
            plus[i] += STEP;
            minus[i] -= STEP;
            double[] up = loss.logitStatistics(plus, statistic);
            double[] down = loss.logitStatistics(minus, statistic);
            for (int k = 0; k < CLASSES; k++) {
                double oracle = (up[k] - down[k]) / (2 * STEP);
                assertEquals(oracle, gradients[k][i], NETWORK_DIFFERENCE_TOLERANCE * Math.max(1, Math.abs(oracle)),
                        statistic + " of class " + k + " by parameter " + i);
            }
        }
    }

    @Test
    void overlapAndComplementOfAHandBuiltSpan() {
        var span = SubspaceOverlap.consuming(new double[][]{{1, 1, 0, 0}, {2, 2, 0, 0}, {0, 0, 3, 0}});
        assertEquals(2, span.rank(), "the second vector adds no direction");
        assertEquals(0.25, span.fraction(new double[]{1, 0, 0, 1}), EXACT, "½ of a vector of squared norm 2");
        assertEquals(1.0, span.fraction(new double[]{1, 1, 5, 0}), EXACT);
        assertArrayEquals(new double[]{0.5, -0.5, 0, 4}, span.complement(new double[]{1, 0, 7, 4}), EXACT);
    }

    @Test
    void aComplementOperatorOnAKnownSpectrumLeavesTheNextEigenvalue() {
        SymmetricOperator diagonal = new SymmetricOperator() {
            public int dimension() {
                return 5;
            }

            public double[] apply(double[] v) {
                return new double[]{9 * v[0], 7 * v[1], 4 * v[2], 2 * v[3], v[4]};
            }
        };
        var span = SubspaceOverlap.consuming(new double[][]{{1, 0, 0, 0, 0}, {0, 1, 0, 0, 0}});
        var top = Lanczos.largest(new ComplementOperator(diagonal, span), 1, 5, 1e-12, Lanczos.randomStart(5, 1, 9));
        assertEquals(4, top.eigenvalues()[0], EIGENVALUE_TOLERANCE);
    }

    @ParameterizedTest
    @CsvSource({"on", "frozen", "off"})
    void theProjectedHessiansTopMatchesADenseProjection(String mode) {
        var loss = tinyLoss(BnMode.parse(mode));
        var spans = ShiftSpans.of(loss, loss.initialParameters());
        assertEquals(CLASSES - 1, spans.means().rank(), "a shift common to every logit is not a direction");
        assertEquals(3 * CLASSES - 1, spans.moments().rank());
        var projected = new ComplementOperator(new ExactHessian(loss, () -> false), spans.moments());
        int n = projected.dimension();
        var dense = new double[n][];
        for (int j = 0; j < n; j++) {
            var e = new double[n];
            e[j] = 1;
            dense[j] = spans.moments().complement(new ExactHessian(loss, () -> false).apply(spans.moments().complement(e)));
        }
        var eig = DecompositionFactory_DDRM.eig(n, false, true);
        assertTrue(eig.decompose(new DMatrixRMaj(dense)));
        double largest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            largest = Math.max(largest, eig.getEigenvalue(i).real);
        }
        var top = Lanczos.largest(projected, 1, n, 1e-10, Lanczos.randomStart(n, 1, 5));
        assertEquals(largest, top.eigenvalues()[0], EIGENVALUE_TOLERANCE * Math.max(1, largest));
    }

    /** A 2-hidden-layer softplus10 BN net of 4 units on 4 inputs, 3 classes, 24 examples in BN groups of 8. */
    static EvaluationSetLoss tinyLoss(BnMode mode) {
        var random = new Random(12);
        int inputs = 4;
        int examples = 24;
        var x = new float[examples * inputs];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        var set = new Examples(x, random.ints(examples, 0, CLASSES).toArray(), examples, inputs);
        var network = new Network(new NetworkSpec(inputs, CLASSES, 2, 4, ActivationFunction.SOFTPLUS10,
                Initialization.XAVIER, 5), BnMode.ON, DataType.DOUBLE);
        network.parameters().forEach(p -> p.value().addi(0.1));
        return new EvaluationSetLoss(network, mode, set, 8, 0);
    }
}
