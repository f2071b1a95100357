// Block Lanczos against operators whose spectrum is prescribed: a few outliers above a bulk, as in a
// network's Hessian (Sagun et al.; Papyan), a clustered top, an invariant-subspace breakdown, and warm starts
// from a perturbed eigenbasis, for blocks of one vector (plain Lanczos) and more.
package org.shiftscope.model.hessian;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LanczosTest {
    static final double EIGENVALUE_TOLERANCE = 1e-8;
    static final double VECTOR_TOLERANCE = 1e-6;
    static final double RESIDUAL_TOLERANCE = 1e-7;
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

    static double[] sortedDescending(double[] values, int k) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        var top = new double[k];
        for (int i = 0; i < k; i++) {
            top[i] = sorted[sorted.length - 1 - i];
        }
        return top;
    }

    /** Eigenvalues, true residuals ‖Av − λv‖ (and that the reported ones are those), eigenvectors. */
    private static void assertTopPairs(PrescribedSpectrum operator, EigenResult result) {
        assertArrayEquals(sortedDescending(operator.spectrum, K), result.eigenvalues(), EIGENVALUE_TOLERANCE);
        for (int i = 0; i < K; i++) {
            double[] v = result.eigenvectors()[i];
            double[] av = operator.apply(v);
            Vectors.axpy(-result.eigenvalues()[i], v, av);
            double trueResidual = Vectors.norm(av);
            assertTrue(trueResidual < RESIDUAL_TOLERANCE, "true residual " + trueResidual);
            assertEquals(trueResidual, result.residuals()[i], RESIDUAL_TOLERANCE, "reported residual is the true one");
            double alignment = Math.abs(Vectors.dot(v, operator.eigenvector(i)));
            assertEquals(1.0, alignment, VECTOR_TOLERANCE, "eigenvector " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 10})
    void findsOutliersAboveABulkWithSmallResiduals(int blockSize) {
        var operator = new PrescribedSpectrum(outliersAboveBulk(), 7);
        var result = Lanczos.largest(operator, K, 90, 1e-10, Lanczos.randomStart(N, blockSize, 3));
        assertTrue(result.converged());
        assertTrue(result.iterations() <= 90);
        assertTopPairs(operator, result);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void resolvesATightCluster(int blockSize) {
        var spectrum = outliersAboveBulk();
        for (int i = 0; i < 4; i++) {
            spectrum[i] = 30 + 1e-3 * i;        // four nearly equal top eigenvalues
        }
        var operator = new PrescribedSpectrum(spectrum, 11);
        var result = Lanczos.largest(operator, K, 100, 1e-10, Lanczos.randomStart(N, blockSize, 5));
        assertArrayEquals(sortedDescending(spectrum, K), result.eigenvalues(), EIGENVALUE_TOLERANCE);
    }

    @Test
    void stopsAtAnInvariantSubspace() {
        var spectrum = new double[N];
        Arrays.fill(spectrum, 1.0);
        spectrum[0] = 9;
        spectrum[1] = 4;                          // only three distinct eigenvalues: Krylov space of dimension 3
        var operator = new PrescribedSpectrum(spectrum, 13);
        var result = Lanczos.largest(operator, 3, 50, 1e-10, Lanczos.randomStart(N, 1, 1));
        assertEquals(3, result.iterations());
        assertArrayEquals(new double[]{9, 4, 1}, result.eigenvalues(), EIGENVALUE_TOLERANCE);
    }

    @Test
    void fewProductsReportNotConverged() {
        var operator = new PrescribedSpectrum(outliersAboveBulk(), 17);
        var result = Lanczos.largest(operator, K, K, 1e-12, Lanczos.randomStart(N, 1, 1));
        assertEquals(K, result.iterations());
        assertFalse(result.converged());
    }

    @Test
    void aBlockTrimmedToTheBudgetKeepsItsResidualsTrue() {
        var operator = new PrescribedSpectrum(outliersAboveBulk(), 19);
        var result = Lanczos.largest(operator, K, 23, 0, Lanczos.randomStart(N, 4, 2));  // blocks 4, 4, …, 4, 3
        assertEquals(23, result.iterations());
        for (int i = 0; i < K; i++) {
            double[] v = result.eigenvectors()[i];
            double[] av = operator.apply(v);
            Vectors.axpy(-result.eigenvalues()[i], v, av);
            assertEquals(Vectors.norm(av), result.residuals()[i], RESIDUAL_TOLERANCE * Math.max(1, Vectors.norm(av)),
                    "residual " + i);
        }
    }

    @Test
    void aWarmStartFromANearbyEigenbasisConvergesInFewerProducts() {
        var operator = new PrescribedSpectrum(outliersAboveBulk(), 23);
        var random = new Random(4);
        var start = new double[K][];
        for (int i = 0; i < K; i++) {
            start[i] = operator.eigenvector(i);
            for (int j = 0; j < N; j++) {
                start[i][j] += 1e-3 * random.nextGaussian();   // the eigenbasis of a slightly different operator
            }
        }
        var warm = Lanczos.largest(operator, K, 90, 1e-9, start);
        var cold = Lanczos.largest(operator, K, 90, 1e-9, Lanczos.randomStart(N, K, 6));
        assertTrue(warm.converged() && cold.converged());
        assertTrue(warm.iterations() < cold.iterations(), warm.iterations() + " products warm, " + cold.iterations() + " cold");
        assertArrayEquals(cold.eigenvalues(), warm.eigenvalues(), EIGENVALUE_TOLERANCE);
        assertTopPairs(operator, warm);
    }
}
