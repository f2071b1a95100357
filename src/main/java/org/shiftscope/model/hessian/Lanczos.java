// Block Lanczos with full reorthogonalisation for the largest eigenvalues of a symmetric operator (Golub &
// Van Loan, "Matrix Computations", §10.3.6 and §10.3.1; Saad, "Numerical Methods for Large Eigenvalue
// Problems", §6.3); a block of one vector is plain Lanczos.
package org.shiftscope.model.hessian;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Each step applies the operator to a whole block of vectors (one matrix product per layer for the block, see
 * ExactHessian), so a start block can carry the previous report's eigenvectors (a warm start, converging in a
 * few steps when the weights have moved little). Ritz pairs come from a dense symmetric eigendecomposition
 * (EJML) of the projection QᵀAQ, computed entry by entry from the products rather than assumed
 * block-tridiagonal, so an operator with rounding noise (float32 products) still gives a symmetric projection.
 */
public final class Lanczos {
    /** A new direction whose norm after orthogonalisation is below this fraction of its product's adds nothing. */
    private static final double BREAKDOWN = 1e-10;

    private Lanczos() {
    }

    /**
     * @param k           eigenvalues wanted (largest algebraic)
     * @param maxProducts at most this many operator applications to single vectors (a block of b counts b)
     * @param tolerance   stop once every wanted Ritz pair has a residual ‖Av − θv‖ ≤ tolerance·|θ| (Convergence);
     *                    0 never stops early
     * @param start       the start block, b ≥ 1 vectors of the dimension (orthonormalised here; not modified)
     */
    public static EigenResult largest(SymmetricOperator operator, int k, int maxProducts, double tolerance,
                                      double[][] start) {
        int n = operator.dimension();
        int limit = Math.min(maxProducts, n);
        if (k < 1 || k > limit) {
            throw new IllegalArgumentException("need 1 ≤ k ≤ products (k = " + k + ", products = " + limit + ")");
        }
        var basis = new ArrayList<double[]>();
        var projected = new double[limit][limit];          // T = QᵀAQ, filled block by block
        double[][] block = orthonormalBlock(copies(start), Math.min(start.length, limit), norms(start));
        var outside = new ArrayList<Remainder>();         // the parts of A·Q outside the basis
        Ritz ritz = null;
        while (block.length > 0) {
            double[][] products = operator.apply(block);   // A·Z (b, n)
            int m = basis.size();
            basis.addAll(Arrays.asList(block));
            double[] productNorms = norms(products);
            for (var earlier : outside) {
                earlier.orthogonalize(basis);              // a trimmed block's leftover, against the larger basis
            }
            var remainder = new Remainder(products, m);    // (I − QQᵀ)·A·Z, in place: the next block comes from it
            fillProjection(projected, m, remainder.orthogonalize(basis));
            outside.add(remainder);
            int size = basis.size();
            if (size >= k) {
                ritz = Ritz.of(projected, size, k, outside);
                if (size >= limit || (tolerance > 0 && ritz.converged(tolerance))) {
                    break;
                }
            }
            int room = Math.min(block.length, limit - size);
            if (room < products.length) {
                block = orthonormalBlock(copies(products), room, productNorms);  // the rest stays outside
            } else {
                outside.remove(remainder);                 // wholly inside the basis from the next step on
                block = orthonormalBlock(products, room, productNorms);
            }
        }
        if (ritz == null || ritz.size() < Math.min(k, basis.size())) {
            ritz = Ritz.of(projected, basis.size(), Math.min(k, basis.size()), outside);
        }
        return ritz.toResult(basis, tolerance);
    }

    /** {@code count} seeded random unit vectors of dimension n: a cold start block. */
    public static double[][] randomStart(int n, int count, long seed) {
        var random = new Random(seed);
        var block = new double[count][n];
        for (double[] v : block) {
            for (int i = 0; i < n; i++) {
                v[i] = random.nextGaussian();
            }
            Vectors.scale(1 / Vectors.norm(v), v);
        }
        return block;
    }

    /**
     * T[i][m + j] = q_i·(A z_j) for the new block's columns and every basis row, mirrored into the rows; within
     * the block the two mirrored entries are averaged, so T stays symmetric for an operator with rounding noise.
     * @param coefficients per product j, its coefficients along the whole basis (the new block included)
     */
    private static void fillProjection(double[][] t, int m, double[][] coefficients) {
        int b = coefficients.length;
        for (int j = 0; j < b; j++) {
            for (int i = 0; i < m; i++) {
                t[i][m + j] = coefficients[j][i];
                t[m + j][i] = coefficients[j][i];
            }
            for (int i = 0; i <= j; i++) {
                double entry = 0.5 * (coefficients[j][m + i] + coefficients[i][m + j]);
                t[m + i][m + j] = entry;
                t[m + j][m + i] = entry;
            }
        }
    }

    /**
     * Up to {@code size} orthonormal vectors spanning the candidates' directions, made in place from the
     * candidates (already orthogonal to the basis: the start block to an empty one, a remainder by
     * construction). A candidate whose remainder is below BREAKDOWN of its reference norm (its product lies in
     * the span already: an invariant subspace) is dropped.
     */
    private static double[][] orthonormalBlock(double[][] candidates, int size, double[] referenceNorms) {
        var accepted = new ArrayList<double[]>();
        for (int j = 0; j < candidates.length && accepted.size() < size; j++) {
            double[] q = candidates[j];
            Vectors.orthogonalize(q, accepted);
            double norm = Vectors.norm(q);
            if (norm > BREAKDOWN * Math.max(referenceNorms[j], Double.MIN_NORMAL)) {
                Vectors.scale(1 / norm, q);
                accepted.add(q);
            }
        }
        return accepted.toArray(new double[0][]);
    }

    private static double[][] copies(double[][] vectors) {
        var out = new double[vectors.length][];
        for (int j = 0; j < vectors.length; j++) {
            out[j] = vectors[j].clone();
        }
        return out;
    }

    private static double[] norms(double[][] vectors) {
        var out = new double[vectors.length];
        for (int j = 0; j < vectors.length; j++) {
            out[j] = Vectors.norm(vectors[j]);
        }
        return out;
    }

    /**
     * The part of the products A·Z of one block (whose vectors start at basis index {@code start}) outside the
     * basis. With full reorthogonalisation A·Q·s − θ·Q·s is the sum of these parts times the matching
     * coordinates of s, so the Ritz residuals need no further products. A block's part stays outside the basis
     * only when the next block was trimmed to the budget and could not take all of it.
     */
    private static final class Remainder {
        final double[][] vectors;
        final int start;

        /** Takes the products themselves; orthogonalize() turns them into the remainder. */
        Remainder(double[][] products, int start) {
            this.vectors = products;
            this.start = start;
        }

        /**
         * Removes the components along the basis (classical Gram–Schmidt, twice).
         * @return per vector, its first-pass coefficients along the basis
         */
        double[][] orthogonalize(List<double[]> basis) {
            var coefficients = new double[vectors.length][];
            for (int j = 0; j < vectors.length; j++) {
                coefficients[j] = Vectors.orthogonalizeReturningCoefficients(vectors[j], basis);
            }
            return coefficients;
        }
    }

    /** The top Ritz pairs of the m×m projection, in basis coordinates, with their residual norms. */
    private record Ritz(double[] values, double[][] coordinates, double[] residuals) {
        /** @param outside the parts of A·Q outside the basis, for the residuals ‖A·Qs − θ·Qs‖ */
        static Ritz of(double[][] t, int m, int k, List<Remainder> outside) {
            var matrix = new DMatrixRMaj(m, m);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    matrix.set(i, j, t[i][j]);
                }
            }
            var eig = DecompositionFactory_DDRM.eig(m, true, true);
            if (!eig.decompose(matrix)) {
                throw new IllegalStateException("eigendecomposition of the projected matrix failed");
            }
            Integer[] order = new Integer[m];
            for (int i = 0; i < m; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(eig.getEigenvalue(b).real, eig.getEigenvalue(a).real));
            var columns = new ArrayList<double[]>();        // every outside vector R_j, with its basis index
            var indices = new ArrayList<Integer>();
            for (var part : outside) {
                for (int j = 0; j < part.vectors.length; j++) {
                    columns.add(part.vectors[j]);
                    indices.add(part.start + j);
                }
            }
            var gram = new double[columns.size()][columns.size()];   // G = RᵀR
            for (int i = 0; i < columns.size(); i++) {
                for (int j = i; j < columns.size(); j++) {
                    gram[i][j] = Vectors.dot(columns.get(i), columns.get(j));
                    gram[j][i] = gram[i][j];
                }
            }
            var values = new double[k];
            var coordinates = new double[k][];
            var residuals = new double[k];
            for (int i = 0; i < k; i++) {
                values[i] = eig.getEigenvalue(order[i]).real;
                coordinates[i] = eig.getEigenVector(order[i]).getData().clone();   // unit vector s_i in R^m
                double squared = 0;                                                   // ‖R·s‖² = sᵀGs on R's rows
                for (int a = 0; a < gram.length; a++) {
                    for (int b = 0; b < gram.length; b++) {
                        squared += coordinates[i][indices.get(a)] * gram[a][b] * coordinates[i][indices.get(b)];
                    }
                }
                residuals[i] = Math.sqrt(Math.max(0, squared));
            }
            return new Ritz(values, coordinates, residuals);
        }

        int size() {
            return values.length;
        }

        boolean converged(double tolerance) {
            return Convergence.converged(values, residuals, tolerance);
        }

        EigenResult toResult(List<double[]> basis, double tolerance) {
            int n = basis.get(0).length;
            var vectors = new double[values.length][];
            for (int i = 0; i < values.length; i++) {
                var v = new double[n];
                for (int j = 0; j < coordinates[i].length; j++) {
                    Vectors.axpy(coordinates[i][j], basis.get(j), v);
                }
                Vectors.scale(1 / Vectors.norm(v), v);
                vectors[i] = v;
            }
            return new EigenResult(values, vectors, residuals, basis.size(), converged(tolerance));
        }
    }
}
