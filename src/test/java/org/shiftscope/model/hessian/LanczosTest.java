// Lanczos against operators whose spectrum is prescribed: a few outliers above a bulk, as in a network's
// Hessian (Sagun et al.; Papyan), a clustered top, and an invariant-subspace breakdown.
package org.shiftscope.model.hessian;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LanczosTest {
    static final double EIGENVALUE_TOLERANCE = 1e-8;
    static final double VECTOR_TOLERANCE = 1e-6;
    static final int N = 300;
    static final int K = 10;

    /** Ten outliers at 20…50 above a bulk spread over [−0.5, 1] (negative curvature included). */
    static double[] outliersAboveBulk() {
        var random = new Random(1);
        var spectrum = new double[N];
        for (int i = 0; i < N; i++) {
            spectrum[i] = i < K ? 50 - 3.0 * i : -0.5 + 1.5 * random.nextDouble();
        }
        return spectrum;
    }

    private static double[] sortedDescending(double[] values, int k) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        var top = new double[k];
        for (int i = 0; i < k; i++) {
            top[i] = sorted[sorted.length - 1 - i];
        }
        return top;
    }

    @Test
    void findsOutliersAboveABulkWithSmallResiduals() {
        var operator = new PrescribedSpectrum(outliersAboveBulk(), 7);
        var result = Lanczos.largest(operator, K, 60, 1e-10, 3);
        assertArrayEquals(sortedDescending(operator.spectrum, K), result.eigenvalues(), EIGENVALUE_TOLERANCE);
        assertTrue(result.converged());
        assertTrue(result.iterations() <= 60);
        for (int i = 0; i < K; i++) {
            double[] v = result.eigenvectors()[i];
            double[] av = operator.apply(v);
            Vectors.axpy(-result.eigenvalues()[i], v, av);
            double trueResidual = Vectors.norm(av);
            assertTrue(trueResidual < 1e-7, "true residual " + trueResidual);
            assertEquals(trueResidual, result.residuals()[i], 1e-7, "reported residual is the true one");
            double alignment = Math.abs(Vectors.dot(v, operator.eigenvector(i)));
            assertEquals(1.0, alignment, VECTOR_TOLERANCE, "eigenvector " + i);
        }
    }

    @Test
    void resolvesATightCluster() {
        var spectrum = outliersAboveBulk();
        for (int i = 0; i < 4; i++) {
            spectrum[i] = 30 + 1e-3 * i;        // four nearly equal top eigenvalues
        }
        var operator = new PrescribedSpectrum(spectrum, 11);
        var result = Lanczos.largest(operator, K, 80, 1e-10, 5);
        assertArrayEquals(sortedDescending(spectrum, K), result.eigenvalues(), EIGENVALUE_TOLERANCE);
    }

    @Test
    void stopsAtAnInvariantSubspace() {
        var spectrum = new double[N];
        Arrays.fill(spectrum, 1.0);
        spectrum[0] = 9;
        spectrum[1] = 4;                          // only three distinct eigenvalues: Krylov space of dimension 3
        var operator = new PrescribedSpectrum(spectrum, 13);
        var result = Lanczos.largest(operator, 3, 50, 1e-10, 1);
        assertEquals(3, result.iterations());
        assertArrayEquals(new double[]{9, 4, 1}, result.eigenvalues(), EIGENVALUE_TOLERANCE);
    }

    @Test
    void fewIterationsReportNotConverged() {
        var operator = new PrescribedSpectrum(outliersAboveBulk(), 17);
        var result = Lanczos.largest(operator, K, K, 1e-12, 1);
        assertEquals(K, result.iterations());
        assertTrue(!result.converged());
    }
}
