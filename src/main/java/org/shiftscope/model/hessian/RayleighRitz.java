// Rayleigh–Ritz on a given subspace (Parlett, "The Symmetric Eigenvalue Problem", §11.3; Golub & Van Loan
// §8.1.1): the best approximations to eigenpairs that the span of a few vectors holds, with their residuals
// computed exactly from the products.
package org.shiftscope.model.hessian;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;

import java.util.ArrayList;
import java.util.Arrays;

/**
 * ShiftScope runs Lanczos on fast float32 products and then this step once on float64 products: the eigenvalues
 * move by about the square of the float32 error and the residuals certify the float64 Hessian itself.
 */
public final class RayleighRitz {
    /** A vector whose part outside the others is below this fraction of its norm adds no direction. */
    private static final double DEPENDENT = 1e-10;

    private RayleighRitz() {
    }

    /**
     * @param vectors   approximate eigenvectors (not modified); their span is orthonormalised here
     * @param tolerance converged when every residual ‖Ay − θy‖ ≤ tolerance·|θ| (|θ| at least a thousandth of |θ1|)
     * @return the Ritz pairs of the span, largest first; iterations = the products this step took
     */
    public static EigenResult refine(SymmetricOperator operator, double[][] vectors, double tolerance) {
        var basis = new ArrayList<double[]>();
        for (double[] v : vectors) {
            double[] q = v.clone();
            double norm = Vectors.norm(q);
            Vectors.orthogonalize(q, basis);
            double remaining = Vectors.norm(q);
            if (remaining > DEPENDENT * norm) {
                Vectors.scale(1 / remaining, q);
                basis.add(q);
            }
        }
        double[][] q = basis.toArray(new double[0][]);
        double[][] products = operator.apply(q);                      // A·Q (m, n)
        int m = q.length;
        var t = new DMatrixRMaj(m, m);                                 // QᵀAQ, symmetrised
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                double entry = 0.5 * (Vectors.dot(q[i], products[j]) + Vectors.dot(q[j], products[i]));
                t.set(i, j, entry);
                t.set(j, i, entry);
            }
        }
        var eig = DecompositionFactory_DDRM.eig(m, true, true);
        if (!eig.decompose(t)) {
            throw new IllegalStateException("eigendecomposition of the projected matrix failed");
        }
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(eig.getEigenvalue(b).real, eig.getEigenvalue(a).real));
        var values = new double[m];
        var eigenvectors = new double[m][];
        var residuals = new double[m];
        int n = operator.dimension();
        for (int i = 0; i < m; i++) {
            values[i] = eig.getEigenvalue(order[i]).real;
            double[] s = eig.getEigenVector(order[i]).getData();
            var y = new double[n];
            var ay = new double[n];
            for (int j = 0; j < m; j++) {
                Vectors.axpy(s[j], q[j], y);                           // y = Q·s
                Vectors.axpy(s[j], products[j], ay);                   // A·y = (A·Q)·s, no further product
            }
            double norm = Vectors.norm(y);
            Vectors.scale(1 / norm, y);
            Vectors.scale(1 / norm, ay);
            Vectors.axpy(-values[i], y, ay);
            residuals[i] = Vectors.norm(ay);
            eigenvectors[i] = y;
        }
        return new EigenResult(values, eigenvectors, residuals, m, Convergence.converged(values, residuals, tolerance));
    }
}
