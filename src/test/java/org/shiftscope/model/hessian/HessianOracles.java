// The two independent oracles the exact Hessian-vector product of a network is checked against: Hessian
// entries from second differences of the loss value (no gradient code), and products from central differences
// of the analytic gradient (FiniteDifferenceHessian).
package org.shiftscope.model.hessian;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

final class HessianOracles {
    private HessianOracles() {
    }

    /** Every entry on and above the diagonal of H against second differences, within {@code tolerance}·max(1, |H_ij|). */
    static void assertUpperTriangleMatchesSecondDifferences(EvaluationSetLoss loss, double tolerance, String label) {
        var operator = new ExactHessian(loss, () -> false);
        int n = operator.dimension();
        double[] w = loss.initialParameters();
        for (int j = 0; j < n; j++) {
            var e = new double[n];
            e[j] = 1;
            double[] column = operator.apply(e);
            for (int i = 0; i <= j; i++) {
                double oracle = HessianVectorProductTest.secondDifference(loss, w, i, j);
                assertTrue(Math.abs(column[i] - oracle) < tolerance * Math.max(1.0, Math.abs(oracle)),
                        label + "H[" + i + "][" + j + "] = " + column[i] + " vs " + oracle);
            }
        }
    }

    /** H·v for {@code trials} Gaussian v against gradient differences, within a relative {@code tolerance}. */
    static void assertProductsMatchGradientDifferences(EvaluationSetLoss loss, long seed, int trials, double tolerance) {
        var exact = new ExactHessian(loss, () -> false);
        var differences = new FiniteDifferenceHessian(loss);
        var random = new Random(seed);
        for (int trial = 0; trial < trials; trial++) {
            var v = new double[exact.dimension()];
            for (int i = 0; i < v.length; i++) {
                v[i] = random.nextGaussian();
            }
            double[] a = exact.apply(v);
            double[] b = differences.apply(v);
            Vectors.axpy(-1, b, a);
            double relative = Vectors.norm(a) / Vectors.norm(b);
            assertTrue(relative < tolerance, "relative difference " + relative);
        }
    }
}
