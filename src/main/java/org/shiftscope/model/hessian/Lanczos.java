// Lanczos with full reorthogonalisation for the largest eigenvalues of a symmetric operator (Golub & Van
// Loan, "Matrix Computations", §10.1 and §10.3.1; the residual bound of their Theorem 10.1.1 / Parlett 1998).
// Ritz values come from a dense symmetric eigendecomposition of the tridiagonal matrix (EJML).
package org.shiftscope.model.hessian;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

public final class Lanczos {
    /** An off-diagonal β below this (relative to the largest |α|) means an invariant subspace was found. */
    private static final double BREAKDOWN = 1e-12;
    /** Iterations between convergence checks once k iterations are done. */
    private static final int CHECK_EVERY = 5;

    private Lanczos() {
    }

    /**
     * @param k             eigenvalues wanted (largest algebraic)
     * @param maxIterations at most this many operator applications (capped at the dimension)
     * @param tolerance     stop early when every wanted residual ≤ tolerance·max(|λ1|, 1e-12); 0 never stops early
     * @param seed          seed of the random start vector
     */
    public static EigenResult largest(SymmetricOperator operator, int k, int maxIterations, double tolerance, long seed) {
        int n = operator.dimension();
        int limit = Math.min(maxIterations, n);
        if (k < 1 || k > limit) {
            throw new IllegalArgumentException("need 1 ≤ k ≤ iterations (k = " + k + ", iterations = " + limit + ")");
        }
        List<double[]> basis = new ArrayList<>();
        double[] alpha = new double[limit];
        double[] beta = new double[limit];
        double[] q = randomUnitVector(n, seed);
        Ritz ritz = null;
        int m = 0;
        while (m < limit) {
            basis.add(q);
            double[] w = operator.apply(q);
            alpha[m] = Vectors.dot(w, q);
            Vectors.orthogonalize(w, basis);             // full reorthogonalisation (covers α·q and β·q_prev)
            beta[m] = Vectors.norm(w);
            m++;
            boolean breakdown = beta[m - 1] <= BREAKDOWN * Math.max(1e-300, maxAbs(alpha, m));
            boolean check = m >= k && ((m - k) % CHECK_EVERY == 0 || m == limit || breakdown);
            if (check) {
                ritz = Ritz.of(alpha, beta, m, Math.min(k, m));
                if (breakdown || m == limit || (tolerance > 0 && ritz.converged(tolerance))) {
                    break;
                }
            }
            if (breakdown) {
                break;
            }
            Vectors.scale(1 / beta[m - 1], w);
            q = w;
        }
        if (ritz == null || ritz.size() != Math.min(k, m)) {
            ritz = Ritz.of(alpha, beta, m, Math.min(k, m));
        }
        return ritz.toResult(basis, m, tolerance);
    }

    private static double maxAbs(double[] values, int count) {
        double max = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, Math.abs(values[i]));
        }
        return max;
    }

    private static double[] randomUnitVector(int n, long seed) {
        var random = new Random(seed);
        var v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
        }
        Vectors.scale(1 / Vectors.norm(v), v);
        return v;
    }

    /** The top Ritz pairs of the m×m tridiagonal T_m, in the Krylov basis coordinates. */
    private record Ritz(double[] values, double[][] coordinates, double[] residuals) {
        static Ritz of(double[] alpha, double[] beta, int m, int k) {
            var t = new DMatrixRMaj(m, m);
            for (int i = 0; i < m; i++) {
                t.set(i, i, alpha[i]);
                if (i + 1 < m) {
                    t.set(i, i + 1, beta[i]);
                    t.set(i + 1, i, beta[i]);
                }
            }
            var eig = DecompositionFactory_DDRM.eig(m, true, true);
            if (!eig.decompose(t)) {
                throw new IllegalStateException("eigendecomposition of the Lanczos tridiagonal failed");
            }
            Integer[] order = new Integer[m];
            for (int i = 0; i < m; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(eig.getEigenvalue(b).real, eig.getEigenvalue(a).real));
            var values = new double[k];
            var coordinates = new double[k][];
            var residuals = new double[k];
            for (int i = 0; i < k; i++) {
                values[i] = eig.getEigenvalue(order[i]).real;
                coordinates[i] = eig.getEigenVector(order[i]).getData().clone();   // unit vector s_i in R^m
                residuals[i] = Math.abs(beta[m - 1] * coordinates[i][m - 1]);       // |β_m · s_mi|
            }
            return new Ritz(values, coordinates, residuals);
        }

        int size() {
            return values.length;
        }

        boolean converged(double tolerance) {
            double scale = Math.max(Math.abs(values[0]), 1e-12);
            for (double r : residuals) {
                if (r > tolerance * scale) {
                    return false;
                }
            }
            return true;
        }

        EigenResult toResult(List<double[]> basis, int iterations, double tolerance) {
            int n = basis.get(0).length;
            var vectors = new double[values.length][];
            for (int i = 0; i < values.length; i++) {
                var v = new double[n];
                for (int j = 0; j < iterations; j++) {
                    Vectors.axpy(coordinates[i][j], basis.get(j), v);
                }
                Vectors.scale(1 / Vectors.norm(v), v);
                vectors[i] = v;
            }
            return new EigenResult(values, vectors, residuals, iterations, tolerance > 0 && converged(tolerance));
        }
    }
}
