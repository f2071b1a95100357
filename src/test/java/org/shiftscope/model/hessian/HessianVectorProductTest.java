// The exact (R-operator) Hessian-vector product against two independent oracles: a dense Hessian from second
// differences of the loss value (no gradient code involved) on tiny networks for every BN mode and several
// activations, and central differences of the analytic gradient on a larger smooth network; then Lanczos on
// the product operator against a dense eigendecomposition of that matrix.
package org.shiftscope.model.hessian;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.shiftscope.model.data.Batches;
import org.shiftscope.model.data.Examples;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Initialization;
import org.shiftscope.model.net.Network;
import org.shiftscope.model.net.NetworkSpec;
import org.shiftscope.model.net.Pass;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HessianVectorProductTest {
    /** Second differences of the loss with step h carry errors ~h² + 1e-16/h²: about 1e-7 here. */
    static final double SECOND_DIFFERENCE_STEP = 1e-4;
    static final double ENTRY_TOLERANCE = 2e-5;
    static final double EIGENVALUE_TOLERANCE = 1e-6;
    /** Exact products against central gradient differences (truncation ~STEP², rounding ~1e-16/STEP). */
    static final double PRODUCT_TOLERANCE = 1e-6;
    static final int INPUTS = 3;
    static final int CLASSES = 3;
    static final int WIDTH = 3;
    static final int EXAMPLES = 12;
    static final int CHUNK = 6;
    /** Off-diagonal entries checked against second differences, besides the whole diagonal. */
    static final int SAMPLED_OFF_DIAGONAL = 60;

    static EvaluationSetLoss tinyLoss(ActivationFunction activation, BnMode mode, double weightDecay) {
        var random = new Random(21);
        var x = new float[EXAMPLES * INPUTS];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() + 0.3);
        }
        var labels = random.ints(EXAMPLES, 0, CLASSES).toArray();
        var set = new Examples(x, labels, EXAMPLES, INPUTS);
        var network = new Network(new NetworkSpec(INPUTS, CLASSES, 2, WIDTH, activation, Initialization.HE, 5),
                BnMode.ON, DataType.DOUBLE);
        network.forward(Batches.features(set, Batches.range(0, EXAMPLES),
                DataType.DOUBLE), Pass.TRAINING_STEP);          // running statistics away from (0, 1)
        network.parameters().forEach(p -> p.value().addi(0.1));  // off the ReLU kinks of zero biases
        return new EvaluationSetLoss(network, mode, set, CHUNK, weightDecay);
    }

    /** H_ij from four loss values: [L(+i+j) − L(+i−j) − L(−i+j) + L(−i−j)] / 4h². */
    static double secondDifference(EvaluationSetLoss loss, double[] w, int i, int j) {
        double h = SECOND_DIFFERENCE_STEP;
        double sum = 0;
        for (int si = -1; si <= 1; si += 2) {
            for (int sj = -1; sj <= 1; sj += 2) {
                double[] p = w.clone();
                p[i] += si * h;
                p[j] += sj * h;
                sum += si * sj * loss.value(p);
            }
        }
        return sum / (4 * h * h);
    }

    @ParameterizedTest
    @CsvSource({"tanh, on, 0, 60", "sigmoid, frozen, 0, 60", "softplus, off, 0, 60", "softplus, on, 0, 60",
            "softplus10, on, 0, 60", "softplus10, frozen, 0, 60", "tanh, on, 0, 2100", "softplus, off, 0, 2100"})
    void productMatchesGradientDifferencesOnALargerSmoothNetwork(String activation, String mode, double weightDecay,
                                                                 int examples) {
        // 60 examples: BN groups of 16, 16, 16 and 12 in one pass, whose values are kept from product to product;
        // 2100: more rows than EvaluationSetLoss.MAX_PASS_ROWS, so several passes, recomputed for every product
        var random = new Random(31);
        int inputs = 10;
        var x = new float[examples * inputs];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() + 0.5);
        }
        var set = new Examples(x, random.ints(examples, 0, 4).toArray(), examples, inputs);
        var network = new Network(new NetworkSpec(inputs, 4, 3, 16, ActivationFunction.parse(activation),
                Initialization.XAVIER, 8), BnMode.ON, DataType.DOUBLE);
        network.forward(Batches.features(set, Batches.range(0, examples),
                DataType.DOUBLE), Pass.TRAINING_STEP);
        network.parameters().forEach(p -> p.value().addi(0.05));
        var loss = new EvaluationSetLoss(network, BnMode.parse(mode), set, 16, weightDecay);
        var exact = new ExactHessian(loss, () -> false);
        var differences = new FiniteDifferenceHessian(loss);
        for (int trial = 0; trial < 3; trial++) {
            var v = new double[exact.dimension()];
            for (int i = 0; i < v.length; i++) {
                v[i] = random.nextGaussian();
            }
            double[] a = exact.apply(v);
            double[] b = differences.apply(v);
            Vectors.axpy(-1, b, a);
            double relative = Vectors.norm(a) / Vectors.norm(b);
            assertTrue(relative < PRODUCT_TOLERANCE, "relative difference " + relative);
        }
    }

    @ParameterizedTest
    @CsvSource({"relu, off, 0", "relu, on, 0", "tanh, frozen, 0.01", "softplus, on, 0"})
    void productMatchesLossSecondDifferencesAndLanczosMatchesTheDenseSpectrum(String activation, String mode, double weightDecay) {
        var loss = tinyLoss(ActivationFunction.parse(activation), BnMode.parse(mode), weightDecay);
        var operator = new ExactHessian(loss, () -> false);
        int n = operator.dimension();
        var dense = new double[n][];
        for (int j = 0; j < n; j++) {
            var e = new double[n];
            e[j] = 1;
            dense[j] = operator.apply(e);             // column j (= row j: H is symmetric)
        }
        double[] w = loss.initialParameters();
        var random = new Random(4);
        for (int check = 0; check < n + SAMPLED_OFF_DIAGONAL; check++) {
            int i = check < n ? check : random.nextInt(n);
            int j = check < n ? check : random.nextInt(n);
            double oracle = secondDifference(loss, w, i, j);
            double scale = Math.max(1.0, Math.abs(oracle));
            assertTrue(Math.abs(dense[j][i] - oracle) < ENTRY_TOLERANCE * scale,
                    "H[" + i + "][" + j + "] = " + dense[j][i] + " vs " + oracle);
            assertTrue(Math.abs(dense[j][i] - dense[i][j]) < ENTRY_TOLERANCE * scale, "symmetry at " + i + "," + j);
        }
        var matrix = new DMatrixRMaj(dense);
        var eig = DecompositionFactory_DDRM.eig(n, false, true);
        assertTrue(eig.decompose(matrix));
        var exact = new double[n];
        for (int i = 0; i < n; i++) {
            exact[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(exact);
        int k = 5;
        var top = new double[k];
        for (int i = 0; i < k; i++) {
            top[i] = exact[n - 1 - i];
        }
        var result = Lanczos.largest(operator, k, n, 1e-9, Lanczos.randomStart(n, 1, 2));
        assertArrayEquals(top, result.eigenvalues(), EIGENVALUE_TOLERANCE * Math.max(1, top[0]));
    }
}
