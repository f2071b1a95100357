// The Hessian-vector product against an independent dense Hessian: second differences of the loss value
// (no gradient code involved), on tiny networks for every BN mode and several activations; then Lanczos on
// the product operator against a dense eigendecomposition of that matrix.
package org.shiftscope.model.hessian;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
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
    static final int INPUTS = 3;
    static final int CLASSES = 3;
    static final int WIDTH = 3;
    static final int EXAMPLES = 12;
    static final int CHUNK = 6;

    static LossFunction tinyLoss(ActivationFunction activation, BnMode mode, double weightDecay) {
        var random = new Random(21);
        var x = new float[EXAMPLES * INPUTS];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() + 0.3);
        }
        var labels = random.ints(EXAMPLES, 0, CLASSES).toArray();
        var set = new Examples(x, labels, EXAMPLES, INPUTS);
        var network = new Network(new NetworkSpec(INPUTS, CLASSES, 2, WIDTH, activation, Initialization.HE, 5),
                BnMode.ON, DataType.DOUBLE);
        network.forward(org.shiftscope.model.data.Batches.features(set, org.shiftscope.model.data.Batches.range(0, EXAMPLES),
                DataType.DOUBLE), Pass.TRAINING_STEP);          // running statistics away from (0, 1)
        network.parameters().forEach(p -> p.value().addi(0.1));  // off the ReLU kinks of zero biases
        return new LossFunction(network, mode, set, CHUNK, weightDecay);
    }

    /** H_ij from four loss values: [L(+i+j) − L(+i−j) − L(−i+j) + L(−i−j)] / 4h². */
    static double[][] denseFromLossValues(LossFunction loss) {
        double[] w = loss.initialParameters();
        int n = w.length;
        double h = SECOND_DIFFERENCE_STEP;
        var hessian = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double sum = 0;
                for (int si = -1; si <= 1; si += 2) {
                    for (int sj = -1; sj <= 1; sj += 2) {
                        double[] p = w.clone();
                        p[i] += si * h;
                        p[j] += sj * h;
                        sum += si * sj * loss.value(p);
                    }
                }
                hessian[i][j] = hessian[j][i] = sum / (4 * h * h);
            }
        }
        return hessian;
    }

    @ParameterizedTest
    @CsvSource({"relu, off, 0", "relu, on, 0", "tanh, frozen, 0.01", "softplus, on, 0"})
    void productMatchesTheDenseHessianAndLanczosMatchesItsSpectrum(String activation, String mode, double weightDecay) {
        var loss = tinyLoss(ActivationFunction.parse(activation), BnMode.parse(mode), weightDecay);
        double[][] dense = denseFromLossValues(loss);
        var operator = new FiniteDifferenceHessian(loss, () -> false);
        int n = operator.dimension();
        for (int j = 0; j < n; j++) {
            var e = new double[n];
            e[j] = 1;
            double[] column = operator.apply(e);
            for (int i = 0; i < n; i++) {
                double scale = Math.max(1.0, Math.abs(dense[i][j]));
                assertTrue(Math.abs(column[i] - dense[i][j]) < ENTRY_TOLERANCE * scale,
                        "H[" + i + "][" + j + "] = " + column[i] + " vs " + dense[i][j]);
            }
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
        var result = Lanczos.largest(operator, k, n, 1e-9, 2);
        assertArrayEquals(top, result.eigenvalues(), EIGENVALUE_TOLERANCE * Math.max(1, top[0]));
    }
}
